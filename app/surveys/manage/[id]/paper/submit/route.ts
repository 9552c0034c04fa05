import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { getSurveyForOffice } from '@/lib/surveys/queries';
import { handleSubmission } from '@/lib/surveys/respond';

// An operator's paper form (JSON): channel "paper"; lib/surveys checks the operator's right again.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized');
    const office = await getSurveyForOffice({ actor: user, id });
    return await handleSubmission(request, office.survey.slug, 'paper');
  } catch (error) {
    if (error instanceof AppError) return Response.json({ message: error.messageKey, fieldErrors: {} }, { status: error.status });
    throw error;
  }
}
