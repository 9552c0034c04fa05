import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { mailOutbox, mailPreferences, type MailAttachment } from '@/db/schema';
import { getCounty } from '@/lib/county';
import { getEnv } from '@/lib/env';
import { OPTIONAL_KINDS, PREFERENCE_OF, type OptionalKind } from './kinds';
import { renderMail, type MailData } from './render';
import { unsubscribeToken } from './unsubscribe-token';

/** The database or the transaction of the event that causes the message. */
export type MailExecutor = Pick<Database, 'insert' | 'select'>;

/** An absolute link into the app (PUBLIC_URL, else AUTH_URL, else localhost). */
export function absoluteUrl(path: string): string {
  return `${getEnv().PUBLIC_URL}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Whether the member wants this optional kind of message (their choice, else the kind's default). */
export async function wantsMail(tx: MailExecutor, userId: string, kind: OptionalKind): Promise<boolean> {
  const [row] = await tx
    .select({ enabled: mailPreferences.enabled })
    .from(mailPreferences)
    .where(and(eq(mailPreferences.userId, userId), eq(mailPreferences.kind, kind)))
    .limit(1);
  return row ? row.enabled : OPTIONAL_KINDS[kind];
}

export interface MailRequest {
  /** The account the message is for (null only for addresses without one). */
  userId: string | null;
  to: string;
  locale: string;
  data: MailData;
  /** What it is about, for the coordinators' counts: 'meeting:12'. */
  subjectRef?: string;
  /** A second message with the same key is never queued (reminders, digests). */
  dedupeKey?: string;
  attachments?: MailAttachment[];
}

/**
 * Queues one message in the outbox, inside the caller's transaction: it is sent only if that
 * transaction commits. Optional kinds are skipped for members who switched them off, and carry a
 * one-click unsubscribe link (RFC 8058). Returns whether a row was written.
 */
export async function enqueueMail(tx: MailExecutor, request: MailRequest): Promise<boolean> {
  const { kind } = request.data;
  const preference = PREFERENCE_OF[kind];
  if (preference && request.userId && !(await wantsMail(tx, request.userId, preference))) return false;

  const token = preference && request.userId ? unsubscribeToken(request.userId, preference) : null;
  const unsubscribeUrl = token ? absoluteUrl(`/unsubscribe?token=${encodeURIComponent(token)}`) : null;
  const headers: Record<string, string> = token
    ? {
        'List-Unsubscribe': `<${absoluteUrl(`/api/mail/unsubscribe?token=${encodeURIComponent(token)}`)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      }
    : {};
  const rendered = renderMail({ data: request.data, locale: request.locale, county: getCounty(), unsubscribeUrl });

  const inserted = await tx
    .insert(mailOutbox)
    .values({
      userId: request.userId,
      toAddress: request.to,
      kind,
      locale: request.locale,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      headers,
      attachments: request.attachments ?? [],
      subjectRef: request.subjectRef ?? null,
      dedupeKey: request.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  return inserted.length > 0;
}
