import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SelectField } from '@/components/ui/field';
import { MeetingList } from '@/components/meetings/meeting-list';
import { MonthAgenda } from '@/components/meetings/month-agenda';
import { MonthGrid } from '@/components/meetings/month-grid';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { canPublishMeetings } from '@/lib/meetings/permissions';
import { listMeetings, listMonthMeetings } from '@/lib/meetings/queries';
import { calendarFiltersSchema, MEETING_TYPES } from '@/lib/meetings/schema';
import { dayKey, localParts } from '@/lib/local-time';
import { listActiveCommunes } from '@/lib/places/queries';
import { requestCountyValues } from '@/lib/county';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return {
    title: t('sections.calendar'),
    alternates: { types: { 'text/calendar': [{ url: '/calendar/feed.ics', title: t('meetings.subscribe.county') }] } },
  };
}

type Search = Record<string, string | string[] | undefined>;

function href(params: Record<string, string | undefined>) {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  const text = query.toString();
  return text ? `/calendar?${text}` : '/calendar';
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const filters = calendarFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const t = await getTranslations();
  const [user, communes] = await Promise.all([getCurrentUser(), listActiveCommunes()]);
  const commune = filters.commune ? communes.find((c) => c.slug === filters.commune) : undefined;
  const view = filters.view ?? 'month';
  const now = localParts(new Date());
  const [year, month] = filters.month ? (filters.month.split('-').map(Number) as [number, number]) : [now.year, now.month];
  const query = { commune: commune?.slug, type: filters.type };
  const pad = (n: number) => String(n).padStart(2, '0');
  const prev = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const next = month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
  const current = `${now.year}-${pad(now.month)}`;
  const shownMonth = `${year}-${pad(month)}`;

  const views = [
    { key: 'month', label: t('meetings.views.month') },
    { key: 'list', label: t('meetings.views.list') },
    { key: 'archive', label: t('meetings.views.archive') },
  ] as const;

  return (
    <div className="space-y-8">
      <PageHeader title={t('sections.calendar')} lead={t('meetings.lead', await requestCountyValues())}>
        {canPublishMeetings(user) ? (
          <p>
            <Link href="/calendar/new" className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
              {t('meetings.newMeeting')}
            </Link>
          </p>
        ) : null}
      </PageHeader>

      <form method="get" action="/calendar" className="rounded-lg border-2 border-brand-100 p-4">
        <fieldset className="grid items-end gap-4 sm:grid-cols-[1fr_1fr_auto]">
          <legend className="mb-2 font-semibold">{t('meetings.filters.legend')}</legend>
          <input type="hidden" name="view" value={view} />
          {view === 'month' ? <input type="hidden" name="month" value={shownMonth} /> : null}
          <SelectField
            name="commune"
            id="filter-commune"
            label={t('meetings.filters.commune')}
            defaultValue={commune?.slug ?? ''}
            options={[{ value: '', label: t('meetings.filters.allCommunes') }, ...communes.map((c) => ({ value: c.slug, label: c.name }))]}
          />
          <SelectField
            name="type"
            id="filter-type"
            label={t('meetings.filters.type')}
            defaultValue={filters.type ?? ''}
            options={[{ value: '', label: t('meetings.filters.allTypes') }, ...MEETING_TYPES.map((type) => ({ value: type, label: t(`meetings.types.${type}`) }))]}
          />
          <Button type="submit">{t('meetings.filters.apply')}</Button>
        </fieldset>
        {commune ? <p className="mt-2 text-sm text-muted">{t('meetings.filters.communeNote')}</p> : null}
      </form>

      <nav aria-label={t('meetings.views.label')}>
        <ul className="flex flex-wrap gap-2">
          {views.map((v) => (
            <li key={v.key}>
              <Link
                href={href({ ...query, view: v.key === 'month' ? undefined : v.key })}
                aria-current={view === v.key ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-md border-2 px-4 py-2 font-semibold no-underline ${view === v.key ? 'border-brand-700 bg-brand-700 text-white' : 'border-brand-700 bg-white text-brand-800'}`}
              >
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {view === 'month' ? (
        <MonthSection year={year} month={month} communeId={commune?.id} type={filters.type} links={{ prev: href({ ...query, month: prev }), next: href({ ...query, month: next }), current: shownMonth === current ? null : href(query) }} />
      ) : (
        <ListSection archive={view === 'archive'} communeId={commune?.id} type={filters.type} cursor={filters.cursor} moreHref={(cursor) => href({ ...query, view, cursor })} />
      )}

      <section aria-labelledby="subscribe" className="space-y-3 rounded-lg bg-brand-50 p-4">
        <h2 id="subscribe">{t('meetings.subscribe.title')}</h2>
        <p>{t('meetings.subscribe.body')}</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href="/calendar/feed.ics" type="text/calendar">
              {t('meetings.subscribe.county')}
            </a>
          </li>
          {commune ? (
            <li>
              <a href={`/calendar/feed.ics?commune=${commune.slug}`} type="text/calendar">
                {t('meetings.subscribe.commune', { commune: commune.name })}
              </a>
            </li>
          ) : null}
        </ul>
        <details>
          <summary className="cursor-pointer font-semibold">{t('meetings.subscribe.communes')}</summary>
          <ul className="mt-2 grid list-disc gap-1 pl-6 sm:grid-cols-2">
            {communes.map((c) => (
              <li key={c.slug}>
                <a href={`/calendar/feed.ics?commune=${c.slug}`} type="text/calendar">
                  {t('meetings.subscribe.commune', { commune: c.name })}
                </a>
              </li>
            ))}
          </ul>
        </details>
      </section>
    </div>
  );
}

async function MonthSection({
  year,
  month,
  communeId,
  type,
  links,
}: {
  year: number;
  month: number;
  communeId?: number;
  type?: (typeof MEETING_TYPES)[number];
  links: { prev: string; next: string; current: string | null };
}) {
  const [t, format] = await Promise.all([getTranslations('meetings'), getFormatter()]);
  const meetings = await listMonthMeetings({ year, month, communeId, type });
  const today = dayKey(new Date());
  const label = t('month.caption', { month: format.dateTime(new Date(Date.UTC(year, month - 1, 15, 12)), { month: 'long', year: 'numeric', timeZone: 'UTC' }) });
  return (
    <section aria-label={t('views.month')} className="space-y-3">
      <nav aria-label={t('views.month')} className="flex flex-wrap gap-4">
        <Link href={links.prev}>← {t('month.previous')}</Link>
        {links.current ? <Link href={links.current}>{t('month.today')}</Link> : null}
        <Link href={links.next}>{t('month.next')} →</Link>
      </nav>
      {/* A phone gets the month as an agenda (seven columns would not fit: Friday to Sunday fell
          off the screen); wider screens get the grid. CSS picks one, so each has the same data. */}
      <div className="hidden md:block">
        <MonthGrid year={year} month={month} meetings={meetings} today={today} />
      </div>
      {meetings.length > 0 ? (
        <div className="md:hidden">
          <MonthAgenda meetings={meetings} today={today} label={label} />
        </div>
      ) : null}
      {meetings.length === 0 ? (
        <p role="status">
          <span className="md:hidden">{label}: </span>
          {t('month.empty')}
        </p>
      ) : null}
    </section>
  );
}

async function ListSection({
  archive,
  communeId,
  type,
  cursor,
  moreHref,
}: {
  archive: boolean;
  communeId?: number;
  type?: (typeof MEETING_TYPES)[number];
  cursor?: string;
  moreHref: (cursor: string) => string;
}) {
  const t = await getTranslations('meetings');
  const page = await listMeetings({ archive, communeId, type, cursor });
  return (
    <section aria-labelledby="list-title" className="space-y-3">
      <h2 id="list-title">{archive ? t('list.archiveTitle') : t('list.title')}</h2>
      <p aria-live="polite" className="sr-only">
        {t('list.results', { count: page.meetings.length })}
      </p>
      {page.meetings.length === 0 ? <p>{archive ? t('list.archiveEmpty') : t('list.empty')}</p> : <MeetingList meetings={page.meetings} />}
      {page.nextCursor ? (
        <p>
          <Link href={moreHref(page.nextCursor)}>{t('list.more')}</Link>
        </p>
      ) : null}
    </section>
  );
}
