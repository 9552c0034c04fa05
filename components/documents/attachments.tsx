import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/permissions';
import { canManageDocument } from '@/lib/documents/permissions';
import { attachmentParentHref, listAttachments } from '@/lib/documents/queries';
import type { ParentType } from '@/lib/documents/schema';
import { DownloadLink, FileSummary } from './file-summary';

/**
 * The files attached to a meeting (its minutes and materials), a news article or a consultation:
 * those the viewer may read, a count of the members-only ones for anyone else, and for the
 * coordinators who manage it a link to attach another (lib/documents checks again on upload).
 */
export async function Attachments({ viewer, parent, communeId }: { viewer: CurrentUser | null; parent: { type: ParentType; id: number }; communeId: number | null }) {
  const [t, { attachments, membersOnly }] = await Promise.all([getTranslations('documents'), listAttachments({ viewer, parent })]);
  const mayAttach = canManageDocument(viewer, communeId);
  if (attachments.length === 0 && membersOnly === 0 && !mayAttach) return null;
  const back = attachmentParentHref(parent.type, parent.id);
  return (
    <section id="attachments" aria-labelledby="attachments-heading" className="space-y-3">
      <h2 id="attachments-heading">{t('attachments.title')}</h2>
      {attachments.length > 0 ? (
        <ul className="space-y-3">
          {attachments.map((a) => (
            <li key={a.id} className="rounded-md border border-gray-300 p-3">
              <Link href={`/documents/${a.id}`} className="font-semibold">
                {a.title}
              </Link>
              <p className="text-sm">
                {t(`kinds.${a.kind}`)}
                {a.visibility === 'members' ? ` · ${t('visibility.members')}` : null} · <FileSummary contentType={a.contentType} size={a.size} pageCount={a.pageCount} />
              </p>
              <p>
                <DownloadLink documentId={a.id} fileName={a.fileName} contentType={a.contentType} />
              </p>
            </li>
          ))}
        </ul>
      ) : membersOnly === 0 ? (
        <p>{t('attachments.empty')}</p>
      ) : null}
      {membersOnly > 0 ? (
        <p>
          {t('attachments.membersOnly', { count: membersOnly })}{' '}
          {viewer ? null : <Link href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}>{t('attachments.signIn')}</Link>}
        </p>
      ) : null}
      {mayAttach ? (
        <p>
          <Link href={`/documents/new?${parent.type}=${parent.id}`}>{t('attachments.add')}</Link>
        </p>
      ) : null}
    </section>
  );
}
