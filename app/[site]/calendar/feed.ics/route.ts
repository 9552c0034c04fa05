import { withRouteErrors } from '@/app/_http/route-error';
import { AppError } from '@/lib/errors';
import { meetingsCalendar } from '@/lib/meetings/feed';
import { feedLabels } from '@/lib/meetings/feed-labels';
import { findCommuneBySlug, listFeedMeetings } from '@/lib/meetings/queries';

export const dynamic = 'force-dynamic';

/**
 * The subscribable iCalendar feed: the whole county, or with ?commune=<slug> one commune's
 * meetings together with the county-wide ones (those concern every commune).
 */
export const GET = withRouteErrors(async (request: Request) => {
  const url = new URL(request.url);
  const slug = url.searchParams.get('commune');
  let commune: Awaited<ReturnType<typeof findCommuneBySlug>> = null;
  if (slug) {
    commune = /^[a-z0-9-]{1,60}$/.test(slug) ? await findCommuneBySlug({ slug }) : null;
    if (!commune) throw new AppError('not_found:commune');
  }
  const list = await listFeedMeetings({ communeId: commune?.id ?? null });
  const body = meetingsCalendar(list, url.origin, await feedLabels(commune ? { commune: commune.name } : undefined));
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="agora-${commune?.slug ?? 'powiat'}.ics"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}, 'text');
