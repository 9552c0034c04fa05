'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/result';
import { Button } from '@/components/ui/button';
import { FormMessage, TextAreaField } from '@/components/ui/field';
import { REDACTION_MARK } from '@/lib/results/schema';

export interface QueueItem {
  id: string;
  responseId: string;
  questionId: string;
  section: string;
  question: string;
  commune: string;
  date: string;
  text: string;
}

type Decision = 'publishable' | 'redact' | 'reject';
const DONE = { publishable: 'donePublishable', redact: 'doneRedacted', reject: 'doneRejected' } as const;

/**
 * The review queue, built for going through hundreds of remarks from the keyboard: each remark is
 * a region with three buttons; after a decision the remark leaves the list and the focus moves to
 * the next one, so Tab then Enter decides it. What happened is announced in a live region.
 */
/** The page passes the server action in (components never import app/). */
export type ReviewAction = (previous: undefined, form: FormData) => Promise<ActionResult<unknown>>;

export function ReviewQueue({ surveyId, items: initial, counts: initialCounts, skipHref, reviewAction }: { surveyId: string; items: QueueItem[]; counts: { pending: number; reviewed: number }; skipHref: string | null; reviewAction: ReviewAction }) {
  const t = useTranslations('freeText');
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [counts, setCounts] = useState(initialCounts);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, { message?: string; text?: string }>>({});
  const [status, setStatus] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const regions = useRef(new Map<string, HTMLElement>());
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusId === null) return;
    (focusId === '' ? endRef.current : regions.current.get(focusId))?.focus();
  }, [focusId, items]);

  function leave(item: QueueItem, message: string, counted: boolean) {
    const index = items.findIndex((i) => i.id === item.id);
    const rest = items.filter((i) => i.id !== item.id);
    setItems(rest);
    setEditing(null);
    if (counted) setCounts((c) => ({ pending: Math.max(0, c.pending - 1), reviewed: c.reviewed + 1 }));
    setStatus(message);
    setFocusId(rest[Math.min(index, rest.length - 1)]?.id ?? '');
  }

  function decide(item: QueueItem, decision: Decision, text?: string) {
    const form = new FormData();
    form.set('surveyId', surveyId);
    form.set('responseId', item.responseId);
    form.set('questionId', item.questionId);
    form.set('decision', decision);
    if (text !== undefined) form.set('text', text);
    startTransition(async () => {
      const result = await reviewAction(undefined, form);
      if (result.ok) return leave(item, t(DONE[decision]), true);
      if (result.message === 'conflict_review') return leave(item, t('alreadyDecided'), true);
      setErrors((e) => ({ ...e, [item.id]: { message: result.message, text: result.fieldErrors.text?.[0] } }));
    });
  }

  return (
    <div>
      <p className="mb-2 font-semibold">{t('counts', counts)}</p>
      <p className="mb-6 text-sm text-muted">{t('keyboardHint')}</p>
      <p role="status" className="sr-only">
        {status}
      </p>
      {items.length > 0 ? (
        <ol className="space-y-6">
          {items.map((item, n) => {
            const error = errors[item.id];
            const headingId = `remark-${item.id.replace(/[^a-z0-9]/gi, '')}`;
            return (
              <li key={item.id}>
                <section
                  ref={(el) => {
                    if (el) regions.current.set(item.id, el);
                    else regions.current.delete(item.id);
                  }}
                  tabIndex={-1}
                  aria-labelledby={headingId}
                  className="rounded-md border-2 border-gray-300 bg-white p-4 focus:border-brand-700"
                >
                  <h2 id={headingId} className="text-lg">
                    {t('itemHeading', { n: n + 1, section: item.section, question: item.question })}
                  </h2>
                  <p className="text-sm text-muted">{t('meta', { commune: item.commune, date: item.date })}</p>
                  <blockquote aria-label={t('text')} className="my-3 whitespace-pre-wrap border-l-4 border-brand-600 pl-3">
                    {item.text}
                  </blockquote>
                  {editing === item.id ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        decide(item, 'redact', String(new FormData(e.currentTarget).get('text') ?? ''));
                      }}
                      className="space-y-3"
                    >
                      <TextAreaField
                        name="text"
                        id={`${headingId}-edit`}
                        label={t('editLabel')}
                        hint={t('editHint', { mark: REDACTION_MARK })}
                        defaultValue={item.text}
                        error={error?.text}
                        rows={4}
                        autoFocus
                      />
                      <div className="flex flex-wrap gap-2">
                        <Button type="submit" pending={busy}>
                          {t('saveRedaction')}
                        </Button>
                        <Button
                          type="button"
                          variant="secondary"
                          onClick={() => {
                            setEditing(null);
                            setFocusId(null);
                            regions.current.get(item.id)?.focus();
                          }}
                        >
                          {t('cancel')}
                        </Button>
                      </div>
                    </form>
                  ) : (
                    <div role="group" aria-label={t('decision')} className="flex flex-wrap gap-2">
                      <Button type="button" pending={busy} onClick={() => decide(item, 'publishable')}>
                        {t('publishable')}
                      </Button>
                      <Button type="button" variant="secondary" disabled={busy} onClick={() => setEditing(item.id)}>
                        {t('redact')}
                      </Button>
                      <Button type="button" variant="danger" pending={busy} onClick={() => decide(item, 'reject')}>
                        {t('reject')}
                      </Button>
                    </div>
                  )}
                  {error?.message && !error.text ? <FormMessage messageKey={error.message} /> : null}
                </section>
              </li>
            );
          })}
        </ol>
      ) : null}
      <div ref={endRef} tabIndex={-1} className="mt-6 space-y-3">
        {items.length === 0 ? (
          <>
            <p>{counts.pending > 0 ? t('pageDone') : t('queueEmpty')}</p>
            {counts.pending > 0 ? (
              <Button type="button" variant="secondary" onClick={() => router.refresh()}>
                {t('more')}
              </Button>
            ) : null}
          </>
        ) : null}
        {skipHref ? (
          <p>
            <Link href={skipHref}>{t('skipPage')}</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
