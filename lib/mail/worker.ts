import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { rows, type Database } from '@/db/client';
import { mailOutbox, type MailOutboxRow } from '@/db/schema';
import type { MailTransport } from './transport';

/** Tries per message before it is marked failed (the last about four hours after the first). */
export const MAX_ATTEMPTS = 10;
/** How long a worker's claim on a message lasts; one try ends long before (transport time-outs). */
export const CLAIM_SECONDS = 300;

/** Delay before try n + 1 after n failed ones: 30 s, 1 min, 2 min, … at most 6 hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/** The server refused this recipient for good (RCPT TO answered 550–554): trying again cannot help. */
function isPermanent(error: unknown): boolean {
  const e = error as { responseCode?: number; command?: string };
  return typeof e?.responseCode === 'number' && e.responseCode >= 550 && e.responseCode <= 554 && e.command === 'RCPT TO';
}

function reason(error: unknown): string {
  const e = error as { message?: string; code?: string; response?: string };
  const text = e?.response ?? e?.message ?? String(error);
  return (e?.code && !text.includes(e.code) ? `${e.code}: ${text}` : text).slice(0, 500);
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * One round of the worker: claims up to `batchSize` due messages, sends each once, and records the
 * outcome. Claiming is one UPDATE over a `FOR UPDATE SKIP LOCKED` selection, so workers in other
 * processes (each with its own connection) never claim the same row; a claimed row is 'sending'
 * and no worker claims it again. A message whose claim ran out (its process died while sending) may
 * or may not have gone out: it is marked failed, never sent again by itself, and an admin decides
 * (/admin/mail). Never twice beats at least once for e-mail.
 */
export async function deliverDueMail({
  database,
  transport,
  batchSize = 20,
  now = new Date(),
}: {
  database: Database;
  transport: MailTransport;
  batchSize?: number;
  now?: Date;
}): Promise<DeliveryReport> {
  await database
    .update(mailOutbox)
    .set({ status: 'failed', lockedUntil: null, lastError: 'interrupted while sending: not retried, as it may have gone out' })
    .where(and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.lockedUntil, now)));

  // A CTE, not `id in (select … limit n for update skip locked)`: PostgreSQL may run such a
  // subquery again for every row it updates, skipping the rows this very statement just changed
  // and so claiming far more than the batch.
  const claimedIds = rows<{ id: string | number }>(
    await database.execute(sql`
      with due as (
        select id from mail_outbox
        -- Due within this millisecond too: JavaScript's clock counts milliseconds, PostgreSQL's
        -- microseconds, and a message queued a moment ago must not wait for the next tick.
        where status = 'queued' and next_attempt_at < ${now.toISOString()}::timestamptz + interval '1 millisecond'
        order by next_attempt_at, id
        limit ${batchSize}
        for update skip locked
      )
      update mail_outbox set
        status = 'sending',
        attempts = mail_outbox.attempts + 1,
        locked_until = ${new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString()}::timestamptz
      from due
      where mail_outbox.id = due.id and mail_outbox.status = 'queued'
      returning mail_outbox.id`),
  ).map((r) => Number(r.id));
  const claimed: MailOutboxRow[] =
    claimedIds.length === 0 ? [] : await database.select().from(mailOutbox).where(inArray(mailOutbox.id, claimedIds));
  claimed.sort((a, b) => a.id - b.id);

  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const message of claimed) {
    const mine = and(eq(mailOutbox.id, message.id), eq(mailOutbox.status, 'sending'));
    try {
      await transport.send(message);
    } catch (error) {
      const giveUp = isPermanent(error) || message.attempts >= MAX_ATTEMPTS;
      await database
        .update(mailOutbox)
        .set({
          status: giveUp ? 'failed' : 'queued',
          lockedUntil: null,
          lastError: reason(error),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(message.attempts) * 1000),
        })
        .where(mine);
      report[giveUp ? 'failed' : 'retrying'] += 1;
      continue;
    }
    await database.update(mailOutbox).set({ status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null }).where(mine);
    report.sent += 1;
  }
  return report;
}

/** Puts failed messages back in the queue (an admin's resend): due now, with a fresh count. */
export async function requeueMail(database: Pick<Database, 'update'>, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await database
    .update(mailOutbox)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: new Date(), lastError: null, lockedUntil: null })
    .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return rows.length;
}
