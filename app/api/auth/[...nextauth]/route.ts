import { withRouteErrors } from '@/app/_http/route-error';
import { handlers } from '@/lib/auth';

// Auth.js answers its own errors; this only turns a database outage under it into a 503.
export const GET = withRouteErrors(handlers.GET);
export const POST = withRouteErrors(handlers.POST);
