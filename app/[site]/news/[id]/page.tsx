import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { MarkdownBody } from '@/components/ui/markdown-body';
import { PageHeader } from '@/components/ui/page-header';
import { Attachments } from '@/components/documents/attachments';
import { getCurrentUser } from '@/lib/auth';
import { getArticle } from '@/lib/news/queries';
import { load, routeId } from '@/app/_http/page-guard';
import { polishContent } from '@/lib/i18n/content-lang';
import { Polish } from '@/components/ui/polish';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = routeId((await params).id);
  const article = await load(getArticle({ id, viewer: await getCurrentUser() }));
  const t = await getTranslations('news');
  return {
    title: article.title,
    description: article.lead,
    alternates: { types: { 'application/atom+xml': [{ url: '/news/feed.xml', title: t('feedTitle') }] } },
  };
}

export default async function ArticlePage({ params }: Params) {
  const id = routeId((await params).id);
  const viewer = await getCurrentUser();
  const article = await load(getArticle({ id, viewer }));
  const t = await getTranslations('news');
  const format = await getFormatter();
  return (
    <article className="max-w-3xl space-y-6">
      <PageHeader title={article.title} lang={polishContent(await getLocale())} lead={<Polish>{article.lead}</Polish>}>
        <p className="text-sm text-muted">
          <time dateTime={article.publishedAt.toISOString()}>{t('published', { date: format.dateTime(article.publishedAt, 'longDateTime') })}</time>
          {' · '}
          {article.communeName ?? t('county')}
          {article.authorName ? ` · ${t('by', { name: article.authorName })}` : null}
        </p>
      </PageHeader>
      {!article.isVisible ? (
        <p role="status" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          {t('unpublished.notice')}
        </p>
      ) : null}
      <MarkdownBody html={article.bodyHtml} />
      <Attachments viewer={viewer} parent={{ type: 'article', id: article.id }} communeId={article.communeId} />
      <p className="flex flex-wrap gap-4">
        {article.canManage ? <Link href={`/news/${article.id}/edit`}>{t('edit')}</Link> : null}
        <Link href="/news">{t('back')}</Link>
      </p>
    </article>
  );
}
