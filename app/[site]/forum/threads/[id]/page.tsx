import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { ForumForm } from '@/components/forum/forum-form';
import { MarkRead } from '@/components/forum/mark-read';
import { MarkdownBody } from '@/components/ui/markdown-body';
import { SuspensionNotice, ViewerGate } from '@/components/viewer/viewer-gate';
import { holds, type Need } from '@/lib/forum/thread-controls';
import { getQuote, getThread, getThreadTitle } from '@/lib/forum/thread-queries';
import { postHref } from '@/lib/forum/links';
import { MAX_POST_LENGTH } from '@/lib/forum/schema';
import {
  editPostAction,
  followAction,
  markReadAction,
  moderatePostAction,
  replyAction,
  reportPostAction,
  suspendAction,
  threadFlagAction,
} from '../../actions';
import { load, parseId, routeId } from '@/app/_http/page-guard';
import { pageSite, searchOf, viewerOf } from '@/app/_http/page-site';
import { threadControls } from '@/app/_http/viewer';
import { polishContent } from '@/lib/i18n/content-lang';

type Props = { params: Promise<{ site: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A post's id from the address (?quote=, ?edit=, ?report=, ?moderate=), or null. */
function postParam(value: string | string[] | undefined): number | null {
  return typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageSite(params);
  const id = parseId((await params).id);
  if (!id) return {};
  const title = await getThreadTitle({ threadId: id });
  return { title: title ?? (await getTranslations('sections'))('forum') };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const site = await pageSite(params);
  const id = routeId((await params).id);
  const query = await searchOf(site, searchParams);
  const viewer = await viewerOf(site);
  const requestedPage = parseId(query.page) ?? 1;
  const view = await load(getThread({ viewer, threadId: id, page: requestedPage }));
  // A page past the last is not there yet (it is not the last page under another address, which a
  // kept copy would then show after the thread grew: app/_http/kept-pages.ts).
  if (requestedPage > view.pages) notFound();
  const { thread, posts } = view;
  // What the reader may do: known here on a page rendered for them; on the members' kept page
  // (rendered for every signed-in reader) read in the browser after it, each control waiting in
  // a ViewerGate. A visitor's kept page has none.
  const members = site.audience === 'members';
  const controls = viewer ? await load(threadControls({ user: viewer, threadId: id, page: view.page })) : null;
  const show = (need: Need, control: ReactNode): ReactNode =>
    members ? (
      <ViewerGate thread={id} need={need}>
        {control}
      </ViewerGate>
    ) : controls && holds(controls, need) ? (
      control
    ) : null;
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const quoteId = postParam(query.quote);
  const quote = controls?.mayWrite && quoteId ? await getQuote({ threadId: id, postId: quoteId }) : null;
  // A post's edit and report forms and moderation tools are rendered only for the post whose link
  // was followed, on a page rendered for its reader: twenty forms on every page were most of a
  // signed-in page's cost, and the members' kept page has room for no one's own.
  const editId = postParam(query.edit);
  const reportId = postParam(query.report);
  const moderateId = postParam(query.moderate);
  const lastShown = posts[posts.length - 1]?.number ?? 0;
  const when = (date: Date) => format.dateTime(date, 'dateTime');
  const pageHref = (page: number) => `/forum/threads/${id}?page=${page}`;
  const toolHref = (param: string, postId: number, number: number) => `/forum/threads/${id}?page=${view.page}&${param}=${postId}#post-${number}`;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/forum" prefetch={false}>
            {t('forum.thread.back')}
          </Link>
        </p>
        <h1 lang={polishContent(locale)}>{thread.title}</h1>
        <p className="text-muted">
          {[thread.communeName ?? t('forum.filters.county'), ...thread.areas.map((a) => (locale === 'en' ? a.nameEn : a.namePl))].join(' · ')}
        </p>
        {thread.pinned ? <p className="font-semibold">{t('forum.thread.pinned')}</p> : null}
        {thread.consultationId ? (
          <p>
            <Link href={`/forum/consultations/${thread.consultationId}`}>{t('forum.thread.consultationLink')}</Link>
          </p>
        ) : null}
        {thread.locked ? (
          <p role="status" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-2">
            {t('forum.thread.locked')}
          </p>
        ) : null}
        {/* On the members' kept page the rows of controls keep their height while the reader's part
            loads, so that the posts do not move when it arrives. */}
        <div className={`flex flex-wrap items-start gap-3 ${members ? 'min-h-11' : ''}`}>
          {show('follow', <ActionButton action={followAction} fields={{ threadId: String(id), follow: 'true' }} label={t('forum.thread.follow')} />)}
          {show('unfollow', <ActionButton action={followAction} fields={{ threadId: String(id), follow: 'false' }} label={t('forum.thread.unfollow')} />)}
          {show(
            'moderate',
            <>
              <ActionButton action={threadFlagAction} fields={{ threadId: String(id), flag: thread.locked ? 'unlock' : 'lock' }} label={thread.locked ? t('forum.moderation.unlock') : t('forum.moderation.lock')} />
              <ActionButton action={threadFlagAction} fields={{ threadId: String(id), flag: thread.pinned ? 'unpin' : 'pin' }} label={thread.pinned ? t('forum.moderation.unpin') : t('forum.moderation.pin')} />
            </>,
          )}
        </div>
        {show('unfollow', <p className="text-sm text-muted">{t('forum.thread.following')}</p>)}
      </header>

      <section aria-labelledby="posts-heading" className="space-y-4">
        <h2 id="posts-heading">
          {t('forum.thread.posts')} <span className="text-base font-normal text-muted">({t('forum.thread.page', { page: view.page, pages: view.pages })})</span>
        </h2>
        <ol className="space-y-4">
          {posts.map((post) => (
            <li key={post.id}>
              <article id={`post-${post.number}`} aria-labelledby={`post-${post.number}-heading`} className="rounded-md border border-gray-300 p-4">
                <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                  <h3 id={`post-${post.number}-heading`} className="text-base">
                    {post.authorName ?? t('forum.thread.deleted')}
                    <span className="font-normal text-muted">
                      {' · '}
                      <a href={`#post-${post.number}`}>{t('forum.thread.postNumber', { number: post.number })}</a>
                      {' · '}
                      <time dateTime={post.createdAt.toISOString()}>{when(post.createdAt)}</time>
                      {post.editedAt ? ` · ${t('forum.thread.edited', { date: when(post.editedAt) })}` : null}
                    </span>
                  </h3>
                </header>
                {post.quoted ? (
                  <p className="mb-2 text-sm text-muted">
                    <Link href={postHref(id, post.quoted.number)} prefetch={false}>
                      {t('forum.thread.quotes', { number: post.quoted.number, name: post.quoted.authorName ?? t('forum.thread.deleted') })}
                    </Link>
                  </p>
                ) : null}
                {post.hidden ? (
                  <p className="mb-2 rounded-md bg-gray-100 px-3 py-2 italic">
                    {post.hidden.auto ? t('forum.thread.hiddenPending') : t('forum.thread.hiddenByModeration', { reason: post.hidden.reason ?? '' })}
                    {post.html ? ` ${t('forum.thread.hiddenNote')}` : null}
                  </p>
                ) : null}
                {post.html ? <MarkdownBody html={post.html} className={post.hidden ? 'opacity-70' : ''} /> : null}
                {post.revisions.length ? (
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('forum.thread.history', { count: post.revisions.length })}</summary>
                    <ol className="mt-2 space-y-2">
                      {post.revisions.map((revision) => (
                        <li key={revision.id} className="rounded border border-dashed border-gray-300 p-2">
                          <p className="text-sm text-muted">{t('forum.thread.version', { date: when(revision.writtenAt) })}</p>
                          <MarkdownBody html={revision.html} />
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : null}
                <div className={`mt-3 flex flex-wrap items-start gap-4 text-sm ${members ? 'min-h-5' : 'empty:hidden'}`}>
                  {post.hidden
                    ? null
                    : show(
                        'write',
                        <Link href={`/forum/threads/${id}?page=${view.page}&quote=${post.id}#reply`} prefetch={false}>
                          {t('forum.thread.quote')}
                          <span className="sr-only"> – {t('forum.thread.postNumber', { number: post.number })}</span>
                        </Link>,
                      )}
                  {editId === post.id && post.body !== null && controls && holds(controls, { post: post.id, may: 'edit' }) ? (
                    <div className="w-full">
                      <ForumForm
                        form="editPost"
                        id={`edit-${post.id}`}
                        action={editPostAction}
                        fields={[
                          { kind: 'hidden', name: 'postId', value: String(post.id) },
                          { kind: 'textarea', name: 'body', label: t('forum.thread.bodyLabel'), hint: t('forum.thread.bodyHint'), required: true },
                        ]}
                        defaultValues={{ body: post.body }}
                        submit={t('forum.thread.saveEdit')}
                      />
                    </div>
                  ) : (
                    show(
                      { post: post.id, may: 'edit' },
                      <Link href={toolHref('edit', post.id, post.number)} prefetch={false} className="font-semibold">
                        {t('forum.thread.edit')}
                        <span className="sr-only"> – {t('forum.thread.postNumber', { number: post.number })}</span>
                      </Link>,
                    )
                  )}
                  {show({ post: post.id, may: 'reported' }, <span className="text-muted">{t('forum.thread.alreadyReported')}</span>)}
                  {reportId === post.id && controls && holds(controls, { post: post.id, may: 'report' }) ? (
                    <div className="w-full">
                      <ForumForm
                        form="report"
                        id={`report-${post.id}`}
                        action={reportPostAction}
                        fields={[
                          { kind: 'hidden', name: 'postId', value: String(post.id) },
                          { kind: 'text', name: 'reason', label: t('forum.thread.reportReason'), required: true, maxLength: 1000 },
                        ]}
                        submit={t('forum.thread.reportSend')}
                        success={t('forum.thread.reported')}
                        variant="secondary"
                      />
                    </div>
                  ) : (
                    show(
                      { post: post.id, may: 'report' },
                      <Link href={toolHref('report', post.id, post.number)} prefetch={false} className="font-semibold">
                        {t('forum.thread.report')}
                        <span className="sr-only"> – {t('forum.thread.postNumber', { number: post.number })}</span>
                      </Link>,
                    )
                  )}
                  {moderateId === post.id && controls?.mayModerate ? (
                    <section aria-labelledby={`moderate-${post.id}-heading`} className="w-full space-y-4">
                      <h4 id={`moderate-${post.id}-heading`} className="text-base font-semibold">
                        {t('forum.moderation.tools')}
                        <span className="sr-only"> – {t('forum.thread.postNumber', { number: post.number })}</span>
                      </h4>
                      {post.hidden ? (
                        <ActionButton action={moderatePostAction} fields={{ postId: String(post.id), action: 'restore', reason: '' }} label={t('forum.moderation.restore')} />
                      ) : (
                        <ForumForm
                          form="moderate"
                          id={`hide-${post.id}`}
                          action={moderatePostAction}
                          fields={[
                            { kind: 'hidden', name: 'postId', value: String(post.id) },
                            { kind: 'hidden', name: 'action', value: 'hide' },
                            { kind: 'text', name: 'reason', label: t('forum.moderation.reason'), required: true, maxLength: 1000 },
                          ]}
                          submit={t('forum.moderation.hide')}
                          variant="danger"
                        />
                      )}
                      {post.authorId && post.authorId !== viewer?.id ? (
                        <ForumForm
                          form="suspend"
                          id={`suspend-${post.id}`}
                          action={suspendAction}
                          fields={[
                            { kind: 'hidden', name: 'postId', value: String(post.id) },
                            { kind: 'number', name: 'days', label: t('forum.moderation.days'), required: true, min: 1, max: 365 },
                            { kind: 'text', name: 'reason', label: t('forum.moderation.suspendReason'), required: true, maxLength: 1000 },
                          ]}
                          defaultValues={{ days: '7' }}
                          submit={t('forum.moderation.suspend')}
                          success={t('forum.moderation.suspended')}
                          variant="secondary"
                        />
                      ) : null}
                    </section>
                  ) : (
                    show(
                      'moderate',
                      <Link href={toolHref('moderate', post.id, post.number)} prefetch={false} className="font-semibold">
                        {t('forum.moderation.tools')}
                        <span className="sr-only"> – {t('forum.thread.postNumber', { number: post.number })}</span>
                      </Link>,
                    )
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      </section>

      {view.pages > 1 ? (
        <nav aria-label={t('forum.thread.pagination')}>
          <ul className="flex flex-wrap gap-4">
            {view.page > 1 ? (
              <>
                <li>
                  <Link prefetch={false} href={pageHref(1)}>{t('forum.thread.first')}</Link>
                </li>
                <li>
                  <Link prefetch={false} href={pageHref(view.page - 1)} rel="prev">
                    {t('forum.thread.prev')}
                  </Link>
                </li>
              </>
            ) : null}
            <li aria-current="page" className="font-semibold">
              {t('forum.thread.page', { page: view.page, pages: view.pages })}
            </li>
            {view.page < view.pages ? (
              <>
                <li>
                  <Link prefetch={false} href={pageHref(view.page + 1)} rel="next">
                    {t('forum.thread.next')}
                  </Link>
                </li>
                <li>
                  <Link prefetch={false} href={pageHref(view.pages)}>{t('forum.thread.last')}</Link>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
      ) : null}

      {show({ unreadUpTo: lastShown }, <MarkRead action={markReadAction} threadId={id} upTo={lastShown} />)}
      {members || controls?.suspension ? <SuspensionNotice thread={id} text={controls?.suspension ?? null} className="rounded-md border-l-4 border-danger bg-red-50 px-4 py-3" /> : null}
      {show(
        'reply',
        <section id="reply" aria-labelledby="reply-heading" className="space-y-3">
          <h2 id="reply-heading">{t('forum.thread.replyTitle')}</h2>
          {quote ? <p className="text-muted">{t('forum.thread.replyQuoting', { number: quote.number })}</p> : null}
          <ForumForm
            key={quote?.id ?? 'plain'}
            form="reply"
            action={replyAction}
            fields={[
              { kind: 'hidden', name: 'threadId', value: String(id) },
              { kind: 'hidden', name: 'quotedPostId', value: quote ? String(quote.id) : '' },
              { kind: 'textarea', name: 'body', label: t('forum.thread.bodyLabel'), hint: t('forum.thread.bodyHint', { max: MAX_POST_LENGTH }), required: true, rows: 8 },
            ]}
            defaultValues={{ body: quote?.markdown ?? '' }}
            submit={t('forum.thread.send')}
          />
        </section>,
      )}
      {/* Without JavaScript the members' kept page cannot know the reader: this opens the page
          rendered for them, their forms in it (a form's answer is shown only on the page it came from). */}
      {members ? (
        <noscript>
          <p>
            <a href={`/forum/threads/${id}?page=${view.page}&reply=1#reply`} className="font-semibold">
              {t('forum.thread.replyWithoutScript')}
            </a>
          </p>
        </noscript>
      ) : null}
    </div>
  );
}
