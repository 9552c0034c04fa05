import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ArticleForm } from '@/components/news/article-form';
import { PageHeader } from '@/components/ui/page-header';
import { publishableCommuneOptions } from '@/lib/meetings/permissions';
import { toLocal } from '@/lib/local-time';
import { getArticle } from '@/lib/news/queries';
import { listActiveCommunes } from '@/lib/places/queries';
import { updateArticleAction } from '../../actions';
import { allow, load, routeId, signedIn } from '@/app/_http/page-guard';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('news'))('editTitle') };
}

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const user = await signedIn(`/news/${id}/edit`);
  const article = await load(getArticle({ id, viewer: user }));
  allow(article.canManage);
  const t = await getTranslations('news');
  const options = publishableCommuneOptions(user, await listActiveCommunes(), t('county'));
  return (
    <div className="space-y-6">
      <PageHeader title={t('editTitle')} lead={article.title} />
      <ArticleForm
        action={updateArticleAction}
        communes={options}
        defaultValues={{
          id: String(article.id),
          title: article.title,
          lead: article.lead,
          body: article.body,
          communeId: article.communeId === null ? '' : String(article.communeId),
          status: article.status,
          publishedAt: toLocal(article.publishedAt),
        }}
      />
    </div>
  );
}
