import { ChartFigure } from '@/components/charts/chart-figure';
import { LineFigure } from '@/components/charts/line-figure';
import { timelineTable } from '@/lib/results/tables';
import type { ResultsText } from '@/lib/results/text';

type Weekly = Parameters<typeof timelineTable>[0];

const DAY = 86_400_000;
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * Responses per week (weeks from Monday) as a line with straight segments and its table, dated as
 * a reader writes dates. The week that has not ended yet (`today`, yyyy-mm-dd in Warsaw, is before
 * its Monday + 7) is drawn dashed and named as running, in the chart and in the table.
 */
export function WeeklyFigure({ data, today, text, csvHref }: { data: Weekly; today: string; text: ResultsText; csvHref: string }) {
  const { t, locale } = text;
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const last = data.weekly.at(-1)?.week;
  const partial = last !== undefined && noon(today).getTime() < noon(last).getTime() + 7 * DAY;
  const weekLabel = (week: string) => (partial && week === last ? t('overview.weekInProgress', { week: long.format(noon(week)) }) : long.format(noon(week)));
  return (
    <ChartFigure
      id="timeline"
      title={t('overview.timeline')}
      lead={t('overview.timelineLead')}
      text={text}
      table={timelineTable(data, t, weekLabel)}
      csvHref={csvHref}
      csvName={t('csvNames.timeline')}
      chart={
        <LineFigure
          summary={t('overview.timeline')}
          points={data.weekly.map((w) => ({ label: short.format(noon(w.week)), value: w.responses }))}
          partial={partial}
          partialNote={last ? t('overview.partialNote', { week: long.format(noon(last)) }) : undefined}
          show={(v) => text.show(v, 'count')}
        />
      }
    />
  );
}
