import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { ForumForm } from '@/components/forum/forum-form';
import { MarkdownBody } from '@/components/ui/markdown-body';
import { PageHeader } from '@/components/ui/page-header';
import { listModerationQueue } from '@/lib/forum/moderation-queries';
import { postHref } from '@/lib/forum/links';
import { moderatePostAction } from '../actions';
import { load, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.moderation'))('title') };
}

export default async function ModerationPage() {
  const user = await signedIn('/forum/moderation');
  const queue = await load(listModerationQueue({ actor: user }));
  const t = await getTranslations('forum');
  return (
    <div className="space-y-6">
      <PageHeader title={t('moderation.title')} lead={t('moderation.lead')} />
      {queue.length === 0 ? (
        <p role="status">{t('moderation.empty')}</p>
      ) : (
        <ul className="space-y-4">
          {queue.map((item) => (
            <li key={item.postId} className="space-y-2 rounded-md border border-gray-300 p-4">
              <h2 className="text-lg">
                {t('thread.postNumber', { number: item.number })} · {item.authorName ?? t('thread.deleted')}
              </h2>
              <p className="text-muted">
                {t('moderation.inThread', { title: item.threadTitle })} · {item.communeName ?? t('filters.county')} · {t('moderation.reports', { count: item.reports })}
                {item.hiddenAt && item.hiddenAuto ? ` · ${t('moderation.autoHidden')}` : ''}
              </p>
              <MarkdownBody html={item.html} className="rounded bg-gray-50 p-2" />
              {item.reasons.length ? (
                <div>
                  <h3 className="text-base">{t('moderation.reasons')}</h3>
                  <ul className="list-disc pl-6">
                    {item.reasons.map((reason, i) => (
                      <li key={i}>{reason}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p>
                <Link href={postHref(item.threadId, item.number)}>{t('moderation.open')}</Link>
              </p>
              <div className="flex flex-wrap items-start gap-6">
                <ForumForm
                  form="moderate"
                  id={`queue-hide-${item.postId}`}
                  action={moderatePostAction}
                  fields={[
                    { kind: 'hidden', name: 'postId', value: String(item.postId) },
                    { kind: 'hidden', name: 'action', value: 'hide' },
                    { kind: 'text', name: 'reason', label: t('moderation.reason'), required: true, maxLength: 1000 },
                  ]}
                  submit={t('moderation.hide')}
                  variant="danger"
                />
                <ActionButton action={moderatePostAction} fields={{ postId: String(item.postId), action: 'restore', reason: '' }} label={t('moderation.restore')} context={t('thread.postNumber', { number: item.number })} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
