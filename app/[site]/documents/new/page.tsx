import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { UploadForm } from '@/components/documents/upload-form';
import { PageHeader } from '@/components/ui/page-header';
import { canPublishDocuments } from '@/lib/documents/permissions';
import { getAttachmentParent } from '@/lib/documents/queries';
import { DOCUMENT_KINDS, type ParentType } from '@/lib/documents/schema';
import { getEnv } from '@/lib/env';
import { publishableCommuneOptions } from '@/lib/meetings/permissions';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';
import { allow, load, parseId, signedIn } from '@/app/_http/page-guard';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('documents'))('upload.newTitle') };
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const PARENT_FIELDS = { meeting: 'meetingId', article: 'articleId', consultation: 'consultationId' } as const;

/**
 * A new document for the library, or (with ?meeting=, ?article= or ?consultation=) a file attached
 * to that meeting, news article or consultation; ?kind= preselects the kind (minutes for a meeting).
 */
export default async function NewDocumentPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const parentType = (['meeting', 'article', 'consultation'] as ParentType[]).find((type) => search[type] !== undefined);
  const parentId = parentType ? parseId(first(search[parentType])) : null;
  const here = `/documents/new${parentType && parentId ? `?${parentType}=${parentId}` : ''}`;
  const user = await signedIn(here);
  allow(canPublishDocuments(user));
  const parent = parentType && parentId ? await load(getAttachmentParent({ type: parentType, id: parentId, viewer: user })) : null;
  const [t, locale, communes, areas] = await Promise.all([getTranslations('documents'), getLocale(), listActiveCommunes(), listServiceAreas()]);
  const kind = DOCUMENT_KINDS.find((k) => k === first(search.kind)) ?? (parent?.type === 'meeting' ? 'minutes' : parent ? 'other' : 'service_model');
  const parentLabel = parent ? t(`upload.${parent.type}`, { title: parent.title }) : null;

  return (
    <div className="space-y-6">
      <PageHeader title={parentLabel ? t('upload.attachTitle', { parent: parentLabel }) : t('upload.newTitle')}>
        {parent ? (
          <p>
            {t('upload.attachIntro', { parent: parentLabel! })} <Link href={parent.href}>{t('upload.cancel')}</Link>
          </p>
        ) : null}
      </PageHeader>
      <UploadForm
        endpoint="/api/documents"
        mode="document"
        maxMegabytes={getEnv().FILES_MAX_MB}
        communes={publishableCommuneOptions(user, communes, t('county'))}
        areas={areas.map((a) => ({ value: String(a.id), label: locale === 'en' ? a.nameEn : a.namePl }))}
        parent={parent ? { field: PARENT_FIELDS[parent.type], id: parent.id } : undefined}
        defaultKind={kind}
        next={parent ? `${parent.href}#attachments` : undefined}
      />
    </div>
  );
}
