import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { DownloadLink, FileSummary } from '@/components/documents/file-summary';
import { formatFileSize } from '@/components/documents/file-size';
import { UploadForm } from '@/components/documents/upload-form';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { attachmentParentHref, getDocument } from '@/lib/documents/queries';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { fileTypeLabel } from '@/lib/files/types';
import { deleteDocumentAction } from '../actions';
import { load, parseId, routeId } from '@/app/_http/page-guard';
import { redirect } from 'next/navigation';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const document = id ? await getDocument({ id, viewer: await getCurrentUser() }).catch(() => null) : null;
  return { title: document?.title ?? (await getTranslations('documents'))('title') };
}

export default async function DocumentPage({ params }: Params) {
  const id = routeId((await params).id);
  const viewer = await getCurrentUser();
  // A members-only document asks a visitor to sign in first (then comes back here).
  const document = await load(
    getDocument({ id, viewer }).catch((error: unknown) => {
      if (error instanceof AppError && error.type === 'unauthorized') redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/documents/${id}`)}`);
      throw error;
    }),
  );
  const [t, format, locale] = await Promise.all([getTranslations('documents'), getFormatter(), getLocale()]);
  const latest = document.versions[0]!;
  const area = document.serviceAreaId !== null ? (locale === 'en' ? document.areaNameEn : document.areaNamePl) : null;
  const parent =
    document.meetingId !== null
      ? { href: attachmentParentHref('meeting', document.meetingId), label: t('detail.meeting', { title: document.meetingTitle ?? '' }) }
      : document.articleId !== null
        ? { href: attachmentParentHref('article', document.articleId), label: t('detail.article', { title: document.articleTitle ?? '' }) }
        : document.consultationId !== null
          ? { href: attachmentParentHref('consultation', document.consultationId), label: t('detail.consultation', { title: document.consultationTitle ?? '' }) }
          : null;

  return (
    <article className="max-w-4xl space-y-8">
      <PageHeader title={document.title}>
        <p className="font-semibold text-brand-800">
          {t(`kinds.${document.kind}`)} · {document.communeName ?? t('county')}
        </p>
      </PageHeader>

      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('detail.kind')}</dt>
        <dd>{t(`kinds.${document.kind}`)}</dd>
        <dt className="font-semibold">{t('detail.place')}</dt>
        <dd>{document.communeName ?? t('county')}</dd>
        <dt className="font-semibold">{t('detail.area')}</dt>
        <dd>{area ?? t('detail.noArea')}</dd>
        <dt className="font-semibold">{t('detail.visibility')}</dt>
        <dd>{t(`visibilityOption.${document.visibility}`)}</dd>
        {parent ? (
          <>
            <dt className="font-semibold">{t('detail.attachedTo')}</dt>
            <dd>
              <Link href={parent.href}>{parent.label}</Link>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t('detail.updated')}</dt>
        <dd>{format.dateTime(document.updatedAt, 'longDateTime')}</dd>
      </dl>

      <p>
        <a
          href={`/api/documents/${document.id}/file`}
          type={latest.contentType}
          className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          {t('detail.downloadLatest', { type: fileTypeLabel(latest.contentType), size: formatFileSize(latest.size, format) })}
        </a>
      </p>

      {document.description ? (
        <section aria-labelledby="description" className="space-y-2">
          <h2 id="description">{t('detail.description')}</h2>
          <p className="whitespace-pre-line">{document.description}</p>
        </section>
      ) : null}

      <section aria-labelledby="versions" className="space-y-3">
        <h2 id="versions">{t('detail.versions')}</h2>
        <DataTable caption={t('detail.versionsCaption')} columns={[t('detail.version'), t('detail.fileName'), t('detail.type'), t('detail.added'), t('detail.note'), '']}>
          {document.versions.map((v) => (
            <tr key={v.number} className={rowClass}>
              <th scope="row" className="px-2 py-2">
                {v.number}
              </th>
              <td className="min-w-40 px-2 py-2 break-all">{v.fileName}</td>
              <td className="px-2 py-2">
                <FileSummary contentType={v.contentType} size={v.size} pageCount={v.pageCount} />
              </td>
              <td className="px-2 py-2">
                {v.uploadedByName
                  ? t('detail.by', { date: format.dateTime(v.createdAt, 'dateTime'), name: v.uploadedByName })
                  : format.dateTime(v.createdAt, 'dateTime')}
              </td>
              <td className="px-2 py-2">{v.note || '—'}</td>
              <td className="px-2 py-2">
                <DownloadLink documentId={document.id} version={v.number} fileName={v.fileName} contentType={v.contentType} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      {document.canManage ? (
        <>
          <p>
            <Link href={`/documents/${document.id}/edit`}>{t('detail.edit')}</Link>
          </p>
          <section aria-labelledby="new-version" className="space-y-3">
            <h2 id="new-version">{t('detail.newVersion')}</h2>
            <p>{t('detail.newVersionIntro')}</p>
            <UploadForm endpoint={`/api/documents/${document.id}/versions`} mode="version" maxMegabytes={getEnv().FILES_MAX_MB} />
          </section>
          <section aria-labelledby="delete-document" className="space-y-3">
            <h2 id="delete-document">{t('detail.delete')}</h2>
            <p>{t('detail.deleteIntro')}</p>
            <ActionButton action={deleteDocumentAction} fields={{ id: String(document.id) }} label={t('detail.delete')} variant="danger" />
          </section>
        </>
      ) : null}

      <p>
        <Link href="/documents">{t('detail.back')}</Link>
      </p>
    </article>
  );
}
