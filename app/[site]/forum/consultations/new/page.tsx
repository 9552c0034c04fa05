import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ForumForm } from '@/components/forum/forum-form';
import { PageHeader } from '@/components/ui/page-header';
import { canCoordinate } from '@/lib/forum/permissions';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';
import { openConsultationAction } from '../../actions';
import { allow, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.consultations'))('newTitle') };
}

export default async function NewConsultationPage() {
  const user = await signedIn('/forum/consultations/new');
  const [t, locale, communes, areas] = await Promise.all([getTranslations('forum'), getLocale(), listActiveCommunes(), listServiceAreas()]);
  const options = [
    ...(canCoordinate(user, null) ? [{ value: '', label: t('filters.county') }] : []),
    ...communes.filter((c) => canCoordinate(user, c.id)).map((c) => ({ value: String(c.id), label: c.name })),
  ];
  allow(options.length > 0);
  return (
    <div className="space-y-6">
      <PageHeader title={t('consultations.newTitle')} />
      <ForumForm
        form="consultation"
        action={openConsultationAction}
        fields={[
          { kind: 'text', name: 'title', label: t('consultations.titleLabel'), required: true, maxLength: 200 },
          { kind: 'textarea', name: 'body', label: t('consultations.bodyLabel'), hint: t('consultations.bodyHint'), required: true, rows: 12 },
          { kind: 'select', name: 'communeId', label: t('consultations.scopeLabel'), required: true, options },
          { kind: 'datetime-local', name: 'deadline', label: t('consultations.deadlineLabel'), required: true },
          { kind: 'checkboxes', name: 'areas', legend: t('thread.areasLegend'), options: areas.map((a) => ({ value: String(a.id), label: locale === 'en' ? a.nameEn : a.namePl })) },
        ]}
        defaultValues={{ communeId: options[0]!.value }}
        submit={t('consultations.create')}
      />
    </div>
  );
}
