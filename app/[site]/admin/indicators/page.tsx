import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChartFigure } from '@/components/charts/chart-figure';
import { BarList } from '@/components/charts/bar-list';
import { LineFigure } from '@/components/charts/line-figure';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { load, signedIn } from '@/app/_http/page-guard';
import { now } from '@/lib/clock';
import { canReadIndicators } from '@/lib/indicators/permissions';
import { cellKey, getIndicators, monthOf, type Indicators } from '@/lib/indicators/queries';
import { addMonths, monthsBetween } from '@/lib/indicators/months';
import { indicatorParamsSchema, MAX_MONTHS } from '@/lib/indicators/schema';
import { communesTable, forumTable, meetingsTable, publicationsTable, responsesTable } from '@/lib/indicators/tables';
import { getIndicatorWords } from '@/lib/indicators/text';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('indicators'))('title') };
}

/** A month's figure added up over the areas in view, for a chart's line. */
function perMonth(d: Indicators, pick: (cell: NonNullable<ReturnType<Indicators['cells']['get']>>) => number | null) {
  return d.months.map((m) => d.areas.reduce((n, a) => n + (pick(d.cells.get(cellKey(m, a.communeId))!) ?? 0), 0));
}

export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await signedIn('/admin/indicators', canReadIndicators);
  const params = indicatorParamsSchema.parse(await searchParams);
  const today = await now();
  const [d, t, { words, text }] = await Promise.all([load(getIndicators({ actor, params, now: today })), getTranslations('indicators'), getIndicatorWords({ months: 'label' })]);

  // The months to pick from, newest first, named in the page's language ("marzec 2026"): the
  // browser's own month input names them in the browser's language, whatever the page's.
  // The last MAX_MONTHS, and the range in view if a link asked for months outside them.
  const latest = monthOf(today) > d.to ? monthOf(today) : d.to;
  const monthOptions = [...new Set([...monthsBetween(addMonths(latest, -(MAX_MONTHS - 1)), latest), d.from, d.to])]
    .sort()
    .reverse()
    .map((key) => ({ value: key, label: words.month(key) }));
  const query = new URLSearchParams({ from: d.from, to: d.to, ...(d.commune ? { commune: d.commune.slug } : {}) });
  const csv = (view: string, dialect?: 'plain') => `/admin/indicators/csv?${new URLSearchParams({ view, ...Object.fromEntries(query), ...(dialect ? { dialect } : {}) })}`;
  // Short month names on the charts' axes ("mar 26"); the tables carry the full ones.
  const short = new Intl.DateTimeFormat(text.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const labels = d.months.map((m) => short.format(new Date(`${m}-15T12:00:00Z`)));
  const series = (values: number[]) => values.map((value, i) => ({ label: labels[i]!, value }));
  // The month still running is drawn dashed to a hollow dot and named: half a month is no drop.
  const partial = d.months.at(-1) === monthOf(today);
  const line = (summary: string, values: number[]) => (
    <LineFigure summary={summary} points={series(values)} show={(v) => text.show(v)} partial={partial} partialNote={t('partialNote', { month: words.month(d.to) })} />
  );

  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('lead')} />

      <form method="get" action="/admin/indicators" className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t('filters.legend')}>
        <SelectField name="from" id="indicators-from" label={t('filters.from')} defaultValue={d.from} options={monthOptions} />
        <SelectField name="to" id="indicators-to" label={t('filters.to')} defaultValue={d.to} options={monthOptions} />
        <SelectField
          name="commune"
          id="indicators-commune"
          label={t('filters.commune')}
          defaultValue={d.commune?.slug ?? ''}
          options={[{ value: '', label: d.wholeCounty ? t('filters.allCommunes') : t('filters.allMyCommunes') }, ...d.communes.map((c) => ({ value: c.slug, label: c.name }))]}
        />
        <Button type="submit" variant="secondary">
          {t('filters.apply')}
        </Button>
      </form>

      <div className="space-y-2">
        <p className="text-lg font-semibold">
          {t('range', { from: words.month(d.from), to: words.month(d.to) })} · {d.commune ? t('scopeCommune', { commune: d.commune.name }) : d.wholeCounty ? t('scopeAll') : t('scopeMine')}
        </p>
        <ul className="space-y-1 print:hidden">
          <li>
            <a href={csv('all')} download>
              {t('downloadAll')}
            </a>
          </li>
          <li>
            <a href={csv('all', 'plain')} download>
              {t('downloadAllPlain')}
            </a>
          </li>
        </ul>
      </div>

      <ChartFigure
        id="meetings"
        title={t('meetings.title')}
        lead={t('meetings.lead')}
        text={text}
        table={meetingsTable(d, words)}
        csvHref={csv('meetings')}
        csvName={t('csvNames.meetings')}
        chart={line(t('meetings.chart'), perMonth(d, (c) => c.attendance))}
      />
      <ChartFigure
        id="forum"
        title={t('forum.title')}
        lead={t('forum.lead', d.quotas)}
        text={text}
        table={forumTable(d, words)}
        csvHref={csv('forum')}
        csvName={t('csvNames.forum')}
        chart={line(t('forum.chart'), perMonth(d, (c) => c.posts))}
      />
      <ChartFigure
        id="responses"
        title={t('responses.title')}
        lead={t('responses.lead')}
        text={text}
        table={responsesTable(d, words)}
        csvHref={csv('responses')}
        csvName={t('csvNames.responses')}
        chart={line(t('responses.chart'), perMonth(d, (c) => (c.responsesPaper ?? 0) + (c.responsesInvitation ?? 0) + (c.responsesOpenLink ?? 0)))}
      />
      <ChartFigure
        id="publications"
        title={t('publications.title')}
        lead={t('publications.lead')}
        text={text}
        table={publicationsTable(d, words)}
        csvHref={csv('publications')}
        csvName={t('csvNames.publications')}
        chart={line(t('publications.chart'), perMonth(d, (c) => c.news + c.documents))}
      />
      <ChartFigure
        id="communes"
        title={t('communes.title')}
        lead={t('communes.lead')}
        text={text}
        table={communesTable(d, words)}
        csvHref={csv('communes')}
        csvName={t('csvNames.communes')}
        open
        chart={
          <BarList
            summary={t('communes.chart')}
            show={(v) => text.show(v)}
            data={d.areas
              .filter((a) => a.communeId !== null)
              .map((a) => {
                const cell = d.cells.get(cellKey(d.to, a.communeId))!;
                return { label: a.name!, value: (cell.seatsLocality ?? 0) + (cell.seatsOrganisation ?? 0) };
              })}
          />
        }
      />
    </div>
  );
}
