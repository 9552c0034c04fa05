import { getLocale, getTranslations } from 'next-intl/server';
import { withRouteErrors } from '@/app/_http/route-error';
import { htmlToText, storedHtml } from '@/lib/markdown';
import { buildAtomFeed } from '@/lib/news/atom';
import { listFeedArticles } from '@/lib/news/queries';
import { requestCountyValues } from '@/lib/county';

export const dynamic = 'force-dynamic';

/** The Atom 1.0 feed of published news, newest first. */
export const GET = withRouteErrors(async (request: Request) => {
  const origin = new URL(request.url).origin;
  const t = await getTranslations();
  const list = await listFeedArticles({ limit: 30 });
  const body = buildAtomFeed({
    id: `${origin}/news`,
    title: t('news.feedTitle'),
    subtitle: t('news.feedSubtitle', await requestCountyValues()),
    selfUrl: `${origin}/news/feed.xml`,
    pageUrl: `${origin}/news`,
    language: await getLocale(),
    // An empty feed still needs an <updated>: the epoch says "nothing yet" honestly.
    updated: list.reduce((latest, a) => (a.updatedAt > latest ? a.updatedAt : latest), list[0]?.publishedAt ?? new Date(0)),
    entries: list.map((article) => ({
      id: `${origin}/news/${article.id}`,
      title: article.title,
      summary: article.lead || htmlToText(storedHtml(article.bodyHtml, article.body)).slice(0, 300),
      html: storedHtml(article.bodyHtml, article.body),
      url: `${origin}/news/${article.id}`,
      published: article.publishedAt,
      updated: article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt,
      author: article.authorName && article.authorStatus !== 'deleted' ? article.authorName : t('meta.siteName'),
      category: article.communeName ?? t('news.county'),
    })),
  });
  return new Response(body, {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
}, 'text');
