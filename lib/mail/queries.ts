import 'server-only';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { consultations, mailOutbox, meetings, type MailStatus } from '@/db/schema';
import { canAdminister, ensure, type CurrentUser } from '@/lib/auth/permissions';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { canCoordinate } from '@/lib/forum/permissions';
import { canManageMeeting } from '@/lib/meetings/permissions';

export const OUTBOX_PAGE_SIZE = 50;

/** Where the worker sends mail, for the admin page (the password of SMTP_URL hidden). */
export function describeMailTarget({ actor }: { actor: CurrentUser }): { smtp: string | null; dir: string } {
  ensure(canAdminister(actor));
  const env = getEnv();
  return { smtp: env.SMTP_URL ? env.SMTP_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : null, dir: env.MAIL_DIR };
}

/** The outbox, newest first, keyset-paged by id; optionally one status. Admins only. */
export async function listOutbox({ actor, status, cursor }: { actor: CurrentUser; status?: MailStatus; cursor?: number }) {
  ensure(canAdminister(actor));
  const where: SQL[] = [];
  if (status) where.push(eq(mailOutbox.status, status));
  if (cursor) where.push(lt(mailOutbox.id, cursor));
  const rows = await db
    .select({
      id: mailOutbox.id,
      createdAt: mailOutbox.createdAt,
      toAddress: mailOutbox.toAddress,
      kind: mailOutbox.kind,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(mailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE + 1);
  const more = rows.length > OUTBOX_PAGE_SIZE;
  const messages = rows.slice(0, OUTBOX_PAGE_SIZE);
  return { messages, nextCursor: more ? messages.at(-1)!.id : null };
}

/** Messages by status over the whole outbox. Admins only. */
export async function countOutbox({ actor }: { actor: CurrentUser }): Promise<Record<MailStatus, number>> {
  ensure(canAdminister(actor));
  const rows = await db.select({ status: mailOutbox.status, n: sql<number>`count(*)::int` }).from(mailOutbox).groupBy(mailOutbox.status);
  const counts: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** One message in full (what development reads instead of a mailbox). Admins only. */
export async function getOutboxMessage({ actor, id }: { actor: CurrentUser; id: number }) {
  ensure(canAdminister(actor));
  const [message] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1);
  if (!message) throw new AppError('not_found:mail');
  return message;
}

async function countAbout(ref: string) {
  const rows = await db
    .select({ kind: mailOutbox.kind, status: mailOutbox.status, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(eq(mailOutbox.subjectRef, ref))
    .groupBy(mailOutbox.kind, mailOutbox.status);
  const byKind: Record<string, number> = {};
  const byStatus: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    byKind[row.kind] = (byKind[row.kind] ?? 0) + n;
    byStatus[row.status] += n;
  }
  return { byKind, byStatus };
}

/** What was sent about one consultation (opened, 24 hours left, opinion), for its coordinators. */
export async function countConsultationMail({ actor, consultationId }: { actor: CurrentUser; consultationId: number }) {
  const [consultation] = await db.select({ communeId: consultations.communeId }).from(consultations).where(eq(consultations.id, consultationId)).limit(1);
  if (!consultation) throw new AppError('not_found:consultation');
  ensure(canCoordinate(actor, consultation.communeId));
  const { byKind, byStatus } = await countAbout(`consultation:${consultationId}`);
  return {
    byKind: { opened: byKind.consultation_opened ?? 0, closing: byKind.consultation_closing ?? 0, opinion: byKind.consultation_opinion ?? 0 },
    byStatus,
  };
}

/**
 * What was sent about one meeting, for its coordinators: counts by kind and by status. Names and
 * addresses stay with the admins.
 */
export async function countMeetingMail({ actor, meetingId }: { actor: CurrentUser; meetingId: number }) {
  const [meeting] = await db.select({ communeId: meetings.communeId }).from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  if (!meeting) throw new AppError('not_found:meeting');
  ensure(canManageMeeting(actor, meeting.communeId));
  const { byKind, byStatus } = await countAbout(`meeting:${meetingId}`);
  return {
    byKind: { invitation: byKind.meeting_invitation ?? 0, reminder: byKind.meeting_reminder ?? 0, change: byKind.meeting_change ?? 0 },
    byStatus,
  };
}
