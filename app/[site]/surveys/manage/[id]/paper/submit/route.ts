import { handleSubmission } from '@/app/_http/submission';
import { withRouteErrors } from '@/app/_http/route-error';
import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import { getSurveyForOffice } from '@/lib/surveys/queries';

// An operator's paper form (JSON): channel "paper"; lib/surveys checks the operator's right again.
export const POST = withRouteErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  const office = await getSurveyForOffice({ actor: user, id });
  return handleSubmission(request, office.survey.slug, 'paper');
});
