import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ArticleForm } from '@/components/news/article-form';
import { PageHeader } from '@/components/ui/page-header';
import { publishableCommuneOptions } from '@/lib/meetings/permissions';
import { toLocal } from '@/lib/local-time';
import { canPublishNews } from '@/lib/news/permissions';
import { listActiveCommunes } from '@/lib/places/queries';
import { createArticleAction } from '../actions';
import { allow, signedIn } from '@/app/_http/page-guard';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('news'))('newTitle') };
}

export default async function NewArticlePage() {
  const user = await signedIn('/news/new');
  allow(canPublishNews(user));
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
