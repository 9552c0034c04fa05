import { withRouteErrors } from '@/app/_http/route-error';
import { AppError } from '@/lib/errors';
import { meetingsCalendar } from '@/lib/meetings/feed';
import { feedLabels } from '@/lib/meetings/feed-labels';
import { getMeeting } from '@/lib/meetings/queries';

export const dynamic = 'force-dynamic';

/** One meeting as an .ics file to download and open in a calendar app. */
export const GET = withRouteErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) throw new AppError('not_found:meeting');
  const meeting = await getMeeting({ id: Number(id), viewer: null });
  const body = meetingsCalendar([meeting], new URL(request.url).origin, await feedLabels());
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="spotkanie-${meeting.id}.ics"`,
      'Cache-Control': 'no-cache',
    },
  });
}, 'text');
