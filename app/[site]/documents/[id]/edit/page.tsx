import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DocumentDetailsForm } from '@/components/documents/document-details-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDocument } from '@/lib/documents/queries';
import { publishableCommuneOptions } from '@/lib/meetings/permissions';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';
import { updateDocumentAction } from '../../actions';
import { allow, load, routeId, signedIn } from '@/app/_http/page-guard';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('documents'))('detail.edit') };
}

export default async function EditDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const user = await signedIn(`/documents/${id}/edit`);
  const document = await load(getDocument({ id, viewer: user }));
  allow(document.canManage);
  const [t, locale, communes, areas] = await Promise.all([getTranslations('documents'), getLocale(), listActiveCommunes(), listServiceAreas()]);
  const attached = document.meetingId !== null || document.articleId !== null || document.consultationId !== null;
  return (
    <div className="space-y-6">
      <PageHeader title={t('edit.title', { title: document.title })} />
      <DocumentDetailsForm
        action={updateDocumentAction}
        communeFixed={attached}
        communes={publishableCommuneOptions(user, communes, t('county'))}
        areas={areas.map((a) => ({ value: String(a.id), label: locale === 'en' ? a.nameEn : a.namePl }))}
        defaultValues={{
          id: String(document.id),
          title: document.title,
          kind: document.kind,
          communeId: document.communeId === null ? '' : String(document.communeId),
          serviceAreaId: document.serviceAreaId === null ? '' : String(document.serviceAreaId),
          visibility: document.visibility,
          description: document.description,
        }}
      />
    </div>
  );
}
