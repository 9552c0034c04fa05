import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ForumForm } from '@/components/forum/forum-form';
import { PageHeader } from '@/components/ui/page-header';
import { isAdmin } from '@/lib/auth/permissions';
import { getForumSettings } from '@/lib/forum/settings';
import { forumSettingsAction } from '../actions';
import { allow, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.settings'))('title') };
}

export default async function ForumSettingsPage() {
  const user = await signedIn('/forum/settings');
  allow(isAdmin(user));
  const [t, settings] = await Promise.all([getTranslations('forum.settings'), getForumSettings()]);
  const keys = ['localityQuota', 'organisationQuota', 'autoHideReports', 'postsPerWindow', 'postWindowSeconds'] as const;
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} />
      <ForumForm
        form="settings"
        action={forumSettingsAction}
        fields={keys.map((key) => ({ kind: 'number' as const, name: key, label: t(key), required: true, min: 0 }))}
        defaultValues={Object.fromEntries(keys.map((key) => [key, String(settings[key])]))}
        submit={t('save')}
        success={t('saved')}
      />
    </div>
  );
}
