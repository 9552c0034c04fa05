import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { MeetingListItem } from '@/lib/meetings/queries';
import { dayKey } from '@/lib/local-time';
import { Polish } from '@/components/ui/polish';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * One month as a table: a column per weekday (Monday first, as in Poland), a row per week, each
 * day's meetings as links. A table reads well with a screen reader (row and column headers), and
 * the links are the keyboard stops. On narrow screens the table scrolls inside its own focusable
 * region instead of the page.
 */
export async function MonthGrid({
  year,
  month,
  meetings,
  today,
}: {
  year: number;
  month: number;
  meetings: MeetingListItem[];
  /** "YYYY-MM-DD" in Warsaw. */
  today: string;
}) {
  const t = await getTranslations('meetings');
  const format = await getFormatter();
  const byDay = new Map<string, MeetingListItem[]>();
  for (const meeting of meetings) {
    const key = dayKey(meeting.startsAt);
    byDay.set(key, [...(byDay.get(key) ?? []), meeting]);
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  // 1 January 2024 was a Monday; noon UTC keeps the weekday the same in any zone.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i, 12)));
  const monthLabel = format.dateTime(new Date(Date.UTC(year, month - 1, 15, 12)), { month: 'long', year: 'numeric', timeZone: 'UTC' });

  return (
    <div className="relative overflow-x-auto" role="region" aria-labelledby="month-caption" tabIndex={0}>
      <table className="w-full min-w-[42rem] table-fixed border-collapse text-left">
        <caption id="month-caption" className="mb-2 text-left text-xl font-bold">
          {t('month.caption', { month: monthLabel })}
        </caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day.toISOString()} scope="col" className="border border-gray-300 bg-brand-50 px-2 py-1 text-sm">
                <abbr title={format.dateTime(day, { weekday: 'long', timeZone: 'UTC' })} className="no-underline">
                  {format.dateTime(day, { weekday: 'short', timeZone: 'UTC' })}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                if (day === null) return <td key={d} className="border border-gray-300 bg-gray-50" />;
                const key = `${year}-${pad(month)}-${pad(day)}`;
                const list = byDay.get(key) ?? [];
                const isToday = key === today;
                return (
                  <td key={d} className={`h-24 border border-gray-300 px-1 py-1 align-top ${isToday ? 'bg-amber-50' : ''}`} aria-current={isToday ? 'date' : undefined}>
                    <p className="text-sm font-semibold">
                      <span aria-hidden="true">{day}</span>
                      <span className="sr-only">
                        {format.dateTime(new Date(Date.UTC(year, month - 1, day, 12)), { day: 'numeric', month: 'long', weekday: 'long', timeZone: 'UTC' })}
                        {list.length ? `, ${t('month.dayMeetings', { count: list.length })}` : ''}
                      </span>
                      {isToday ? <span className="ml-1 text-xs font-normal">({t('month.todayMark')})</span> : null}
                    </p>
                    {list.length ? (
                      <ul className="space-y-1">
                        {list.map((meeting) => (
                          <li key={meeting.id} className="text-sm leading-tight">
                            <Link href={`/calendar/${meeting.id}`} className="block rounded px-1 hover:bg-brand-50">
                              <time dateTime={meeting.startsAt.toISOString()} className="font-semibold">
                                {format.dateTime(meeting.startsAt, 'time')}
                              </time>{' '}
                              <Polish>{meeting.title}</Polish>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
