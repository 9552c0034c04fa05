import { Forbidden } from '@/components/layout/forbidden';

/** The 403 page: what forbidden() (app/_http/page-guard.ts) shows, with HTTP status 403. */
export default function ForbiddenPage() {
  return <Forbidden />;
}
