import { withRouteErrors } from '@/app/_http/route-error';
import { getCurrentUser } from '@/lib/auth';
import { exportUserData } from '@/lib/auth/queries';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The RODO right of access: everything about the signed-in user, as a JSON download. */
export const GET = withRouteErrors(async () => {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  const data = await exportUserData({ actor: user });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="agora-moje-dane-${day}.json"`,
      'Cache-Control': 'no-store',
    },
  });
});
