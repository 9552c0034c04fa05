import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ForumForm } from '@/components/forum/forum-form';
import { PageHeader } from '@/components/ui/page-header';
import { hasRole } from '@/lib/auth/permissions';
import { canWrite } from '@/lib/forum/permissions';
import { getSeat } from '@/lib/forum/seat';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';
import { createThreadAction } from '../../actions';
import { allow, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.thread'))('newTitle') };
}

export default async function NewThreadPage() {
  const user = await signedIn('/forum/threads/new');
  const [t, locale, seat, communes, areas] = await Promise.all([getTranslations(), getLocale(), getSeat(user.id), listActiveCommunes(), listServiceAreas()]);
  // The scopes this user may write in: the county, and the communes their seat or roles reach.
  const communeOptions = communes.filter((c) => canWrite(user, seat, c.id));
  const county = canWrite(user, seat, null);
  allow(county || communeOptions.length > 0);
  const options = [
    ...communeOptions.map((c) => ({ value: String(c.id), label: c.name })),
    ...(county && (seat || hasRole(user, 'coordinator') || hasRole(user, 'moderator')) ? [{ value: '', label: t('forum.filters.county') }] : []),
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t('forum.thread.newTitle')} />
      <ForumForm
        form="createThread"
        action={createThreadAction}
        fields={[
          { kind: 'text', name: 'title', label: t('forum.thread.titleLabel'), required: true, maxLength: 200 },
          { kind: 'select', name: 'communeId', label: t('forum.thread.communeLabel'), required: true, options },
          { kind: 'checkboxes', name: 'areas', legend: t('forum.thread.areasLegend'), options: areas.map((a) => ({ value: String(a.id), label: locale === 'en' ? a.nameEn : a.namePl })) },
          { kind: 'textarea', name: 'body', label: t('forum.thread.bodyLabel'), hint: t('forum.thread.bodyHint'), required: true, rows: 10 },
        ]}
        defaultValues={{ communeId: seat ? String(seat.communeId) : (options[0]?.value ?? '') }}
        submit={t('forum.thread.create')}
      />
    </div>
  );
}
