import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Forbidden } from '@/components/layout/forbidden';
import { ArticleForm } from '@/components/news/article-form';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { orNotFound, routeId } from '@/lib/meetings/guard';
import { publishableCommuneOptions } from '@/lib/meetings/permissions';
import { toLocal } from '@/lib/local-time';
import { getArticle } from '@/lib/news/queries';
import { listActiveCommunes } from '@/lib/places/queries';
import { updateArticleAction } from '../../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('news'))('editTitle') };
}

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/news/${id}/edit`)}`);
  const article = await orNotFound(getArticle({ id, viewer: user }));
  if (!article.canManage) return <Forbidden />;
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
