import { getFormatter, getTranslations } from 'next-intl/server';
import { fileTypeLabel } from '@/lib/files/types';
import { formatFileSize } from './file-size';

/** "PDF · 1,2 MB · 4 strony": what a reader learns of a file before downloading it. */
export async function FileSummary({ contentType, size, pageCount }: { contentType: string; size: number; pageCount: number | null }) {
  const [t, format] = await Promise.all([getTranslations('documents.file'), getFormatter()]);
  return <>{[fileTypeLabel(contentType), formatFileSize(size, format), pageCount !== null ? t('pages', { count: pageCount }) : null].filter(Boolean).join(' · ')}</>;
}

/** A download link whose accessible name says which file ("Pobierz: model.pdf"); images open in the browser. */
export async function DownloadLink({ documentId, version, fileName, contentType }: { documentId: number; version?: number; fileName: string; contentType: string }) {
  const t = await getTranslations('documents.file');
  const href = `/api/documents/${documentId}/file${version ? `?v=${version}` : ''}`;
  // The visible word starts the accessible name (WCAG 2.5.3), which adds the file's name.
  return (
    <a href={href} type={contentType} aria-label={`${t('download')}: ${fileName}`} className="font-semibold">
      {t('download')}
    </a>
  );
}
