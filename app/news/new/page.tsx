import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Forbidden } from '@/components/layout/forbidden';
import { ArticleForm } from '@/components/news/article-form';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { publishableCommuneOptions } from '@/lib/meetings/permissions';
import { toLocal } from '@/lib/local-time';
import { canPublishNews } from '@/lib/news/permissions';
import { listActiveCommunes } from '@/lib/places/queries';
import { createArticleAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('news'))('newTitle') };
}

export default async function NewArticlePage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent('/news/new')}`);
  if (!canPublishNews(user)) return <Forbidden />;
  const t = await getTranslations('news');
  // Articles and meetings share the coordinators' scope rule.
  const options = publishableCommuneOptions(user, await listActiveCommunes(), t('county'));
  return (
    <div className="space-y-6">
      <PageHeader title={t('newTitle')} />
      <ArticleForm
        action={createArticleAction}
        communes={options}
        defaultValues={{ title: '', lead: '', body: '', communeId: options[0]?.value ?? '', status: 'published', publishedAt: toLocal(new Date()) }}
      />
    </div>
  );
}
