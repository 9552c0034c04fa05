import { withRouteErrors } from '@/app/_http/route-error';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Load balancers and the e2e tests poll this: 200 when the database answers, 503 when not. */
export const GET = withRouteErrors(async () => {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
});
