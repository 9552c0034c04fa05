import { handleSubmission } from '@/app/_http/submission';

// A resident's questionnaire (JSON). Checked and stored by lib/surveys; nothing is trusted here.
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleSubmission(request, (await params).slug, 'online');
}
