import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Highlighted } from '@/components/search/highlighted';
import { PageHeader } from '@/components/ui/page-header';
import { searchForum } from '@/lib/forum/search-queries';
import { postHref } from '@/lib/forum/links';
import { searchParamsSchema } from '@/lib/forum/schema';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';
import { polishContent } from '@/lib/i18n/content-lang';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.search'))('title') };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = searchParamsSchema.parse(await searchParams);
  const [t, locale, communes, areas] = await Promise.all([getTranslations('forum'), getLocale(), listActiveCommunes(), listServiceAreas()]);
  const result = params.q ? await searchForum({ query: params.q, communeId: params.commune, areaId: params.area }) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t('search.title')} />
      <form method="get" role="search" className="flex flex-wrap items-end gap-4">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="search-q" className="block font-semibold">{t('search.query')}</label>
          <p id="search-q-hint" className="text-sm text-muted">{t('search.hint')}</p>
          <input id="search-q" name="q" type="search" defaultValue={params.q ?? ''} maxLength={200} aria-describedby="search-q-hint" className="block min-h-11 w-full rounded-md border-2 border-gray-500 px-3" />
        </div>
        <div className="space-y-1">
          <label htmlFor="search-commune" className="block font-semibold">{t('filters.commune')}</label>
          <select id="search-commune" name="commune" defaultValue={params.commune ? String(params.commune) : ''} className="min-h-11 rounded-md border-2 border-gray-500 bg-white px-3">
            <option value="">{t('filters.all')}</option>
            {communes.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="search-area" className="block font-semibold">{t('filters.area')}</label>
          <select id="search-area" name="area" defaultValue={params.area ? String(params.area) : ''} className="min-h-11 rounded-md border-2 border-gray-500 bg-white px-3">
            <option value="">{t('filters.all')}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>{locale === 'en' ? a.nameEn : a.namePl}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-md border-2 border-brand-700 bg-brand-700 px-4 font-semibold text-white">{t('search.submit')}</button>
      </form>
      <div aria-live="polite">
        {result ? (
          <>
            <p role="status" className="font-semibold">{result.hits.length === 0 ? t('search.none') : t('search.results', { count: result.hits.length })}</p>
            <ul className="mt-3 space-y-3">
              {result.hits.map((hit, i) => (
                <li key={i} className="rounded-md border border-gray-300 p-3">
                  <p className="text-sm text-muted">
                    {hit.kind === 'thread' ? t('search.thread') : t('search.post', { number: hit.number ?? 0, title: hit.threadTitle })} · {hit.communeName ?? t('filters.county')}
                  </p>
                  <p className="font-semibold">
                    <Link href={hit.number ? postHref(hit.threadId, hit.number) : `/forum/threads/${hit.threadId}`} lang={polishContent(locale)}>
                      <Highlighted segments={hit.title} />
                    </Link>
                  </p>
                  {hit.snippet.length ? (
                    <p lang={polishContent(locale)}>
                      <Highlighted segments={hit.snippet} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
