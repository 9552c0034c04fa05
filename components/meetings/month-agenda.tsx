import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { MeetingListItem } from '@/lib/meetings/queries';
import { dayKey } from '@/lib/local-time';
import { Polish } from '@/components/ui/polish';

/**
 * One month as an agenda: the days that have meetings, in order, each with its meetings (time,
 * title, place). What a phone shows instead of the seven-column grid, where a week's last days
 * would sit off screen; the grid is for wide screens (app/[site]/calendar/page.tsx shows one).
 */
export async function MonthAgenda({ meetings, today, label }: { meetings: MeetingListItem[]; today: string; label: string }) {
  const [t, tc] = await Promise.all([getTranslations('meetings'), getTranslations('meetingCancel')]);
  const format = await getFormatter();
  const days = new Map<string, MeetingListItem[]>();
  for (const meeting of meetings) {
    const key = dayKey(meeting.startsAt);
    days.set(key, [...(days.get(key) ?? []), meeting]);
  }
  return (
    <section aria-label={label} className="space-y-4">
      <h2 className="text-xl font-bold">{label}</h2>
      <ol className="space-y-4">
        {[...days].map(([key, list]) => (
          <li key={key} aria-current={key === today ? 'date' : undefined} className={`rounded-lg border-2 p-3 ${key === today ? 'border-amber-400 bg-amber-50' : 'border-brand-100'}`}>
            <h3 className="text-base font-semibold">
              {format.dateTime(new Date(`${key}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })}
              {key === today ? <span className="ml-1 text-sm font-normal">({t('month.todayMark')})</span> : null}
            </h3>
            <ul className="mt-1 space-y-2">
              {list.map((meeting) => (
                <li key={meeting.id}>
                  <Link href={`/calendar/${meeting.id}`} className="font-semibold">
                    <time dateTime={meeting.startsAt.toISOString()}>{format.dateTime(meeting.startsAt, 'time')}</time> <Polish>{meeting.title}</Polish>
                  </Link>
                  {meeting.cancelledAt ? <span className="ml-2 rounded bg-red-50 px-2 text-sm font-semibold text-red-900">{tc('cancelled')}</span> : null}
                  <p className="text-sm text-muted">
                    {t(`types.${meeting.type}`)} · <Polish>{meeting.address}</Polish>
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
