import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/news/article-list';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { canPublishNews } from '@/lib/news/permissions';
import { listArticles, listUnpublishedArticles } from '@/lib/news/queries';
import { newsFiltersSchema } from '@/lib/news/schema';
import { requestCountyValues } from '@/lib/county';

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
  const { cursor } = newsFiltersSchema.parse({ cursor: Array.isArray(raw.cursor) ? raw.cursor[0] : raw.cursor });
  const t = await getTranslations();
  const format = await getFormatter();
  const user = await getCurrentUser();
  const [page, unpublished] = await Promise.all([listArticles({ cursor }), user && canPublishNews(user) ? listUnpublishedArticles({ actor: user }) : []]);

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
                <Link href={`/news/${a.id}`}>{a.title}</Link>{' '}
                <span className="text-sm">
                  ({a.status === 'draft' ? t('news.unpublished.draft') : t('news.unpublished.scheduled', { date: format.dateTime(a.publishedAt, { dateStyle: 'long', timeStyle: 'short' }) })})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {page.articles.length === 0 ? <p>{t('news.empty')}</p> : <ArticleList articles={page.articles} />}
      {page.nextCursor ? (
        <nav aria-label={t('common.pagination')}>
          <Link href={`/news?cursor=${page.nextCursor}`}>{t('news.more')}</Link>
        </nav>
      ) : null}
    </div>
  );
}
