import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { MeetingListItem } from '@/lib/meetings/queries';
import { Polish } from '@/components/ui/polish';

/** Meetings as a list of cards: when, what, where; archived ones say whether minutes exist. */
export async function MeetingList({ meetings, headingLevel = 3 }: { meetings: MeetingListItem[]; headingLevel?: 2 | 3 }) {
  const t = await getTranslations('meetings');
  const tc = await getTranslations('meetingCancel');
  const format = await getFormatter();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="space-y-3">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="rounded-lg border-2 border-brand-100 bg-white p-4">
          <p className="text-sm text-muted">
            <span className="font-semibold text-brand-800">{t(`types.${meeting.type}`)}</span>
            {' · '}
            {meeting.communeName ?? t('county')}
          </p>
          <Heading className="text-lg">
            <Link href={`/calendar/${meeting.id}`}>
              <Polish>{meeting.title}</Polish>
            </Link>
            {meeting.cancelledAt ? <span className="ml-2 rounded bg-red-50 px-2 text-base font-semibold text-red-900">{tc('cancelled')}</span> : null}
          </Heading>
          <p>
            <time dateTime={meeting.startsAt.toISOString()}>
              {format.dateTimeRange(meeting.startsAt, meeting.endsAt, 'fullDateTime')}
            </time>
          </p>
          <p className="text-sm text-muted">
            <Polish>{meeting.address}</Polish>
          </p>
          {meeting.hasMinutes ? <p className="text-sm font-semibold">{t('list.minutesAvailable')}</p> : null}
        </li>
      ))}
    </ul>
  );
}
