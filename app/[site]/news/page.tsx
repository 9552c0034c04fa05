import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/news/article-list';
import { ArticleSearchResults } from '@/components/news/article-search-results';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { canPublishNews } from '@/lib/news/permissions';
import { listArticles, listUnpublishedArticles, searchArticles } from '@/lib/news/queries';
import { newsFiltersSchema } from '@/lib/news/schema';
import { requestCountyValues } from '@/lib/county';
import { Polish } from '@/components/ui/polish';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return {
    title: t('sections.news'),
    alternates: { types: { 'application/atom+xml': [{ url: '/news/feed.xml', title: t('news.feedTitle') }] } },
  };
}

export default async function NewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const { cursor, q } = newsFiltersSchema.parse({ cursor: first(raw.cursor), q: first(raw.q) });
  const t = await getTranslations();
  const format = await getFormatter();
  const user = await getCurrentUser();
  const [page, unpublished, found] = await Promise.all([
    q ? null : listArticles({ cursor }),
    user && canPublishNews(user) && !q ? listUnpublishedArticles({ actor: user }) : [],
    q ? searchArticles({ query: q }) : null,
  ]);

  return (
    <div className="space-y-8">
      <PageHeader title={t('sections.news')} lead={t('news.lead', await requestCountyValues())}>
        <p className="flex flex-wrap items-center gap-4">
          <a href="/news/feed.xml" type="application/atom+xml">
            {t('news.feed')}
          </a>
          {canPublishNews(user) ? (
            <Link href="/news/new" className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
              {t('news.newArticle')}
            </Link>
          ) : null}
        </p>
      </PageHeader>

      {unpublished.length > 0 ? (
        <section aria-labelledby="unpublished" className="space-y-3 rounded-lg bg-amber-50 p-4">
          <h2 id="unpublished">{t('news.unpublished.title')}</h2>
          <ul className="list-disc space-y-1 pl-6">
            {unpublished.map((a) => (
              <li key={a.id}>
                <Link href={`/news/${a.id}`}>
                  <Polish>{a.title}</Polish>
                </Link>{' '}
                <span className="text-sm">
                  ({a.status === 'draft' ? t('news.unpublished.draft') : t('news.unpublished.scheduled', { date: format.dateTime(a.publishedAt, 'longDateTime') })})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <form method="get" role="search" className="flex flex-wrap items-end gap-4">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="news-q" className="block font-semibold">{t('news.search.label')}</label>
          <p id="news-q-hint" className="text-sm text-muted">{t('news.search.hint')}</p>
          <input id="news-q" name="q" type="search" defaultValue={q ?? ''} maxLength={200} aria-describedby="news-q-hint" className="block min-h-11 w-full rounded-md border-2 border-gray-500 px-3" />
        </div>
        <button type="submit" className="min-h-11 rounded-md border-2 border-brand-700 bg-brand-700 px-4 font-semibold text-white">{t('news.search.submit')}</button>
      </form>

      {found ? (
        <div className="space-y-3">
          <p role="status" className="font-semibold">{found.length === 0 ? t('news.search.none') : t('news.search.results', { count: found.length, query: q ?? '' })}</p>
          <ArticleSearchResults hits={found} />
          <p>
            <Link href="/news">{t('news.search.clear')}</Link>
          </p>
        </div>
      ) : page && page.articles.length === 0 ? (
        <p>{t('news.empty')}</p>
      ) : page ? (
        <ArticleList articles={page.articles} />
      ) : null}
      {page?.nextCursor ? (
        <nav aria-label={t('common.pagination')}>
          <Link href={`/news?cursor=${page.nextCursor}`}>{t('news.more')}</Link>
        </nav>
      ) : null}
    </div>
  );
}
