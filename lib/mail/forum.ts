import 'server-only';
import { and, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { communes, consultations, mailPreferences, memberships, notifications, positions, threads, users } from '@/db/schema';
import { REPLIES_DAILY } from './kinds';
import { absoluteUrl, enqueueMail, type MailExecutor } from './outbox';
import { dayKey, localParts } from '@/lib/local-time';

// Forum e-mails. The forum's lib calls these with its own transaction, one line at each place
// where it writes an in-app notification or opens / summarises a consultation, so the e-mail
// commits (or rolls back) with the event.

interface Person {
  id: string;
  email: string;
  name: string;
  locale: string;
}

const personColumns = { id: users.id, email: users.email, name: users.name, locale: users.locale };
const reachable = and(eq(users.status, 'active'), isNotNull(users.emailVerifiedAt));

async function people(tx: MailExecutor, ids: string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select(personColumns).from(users).where(and(inArray(users.id, ids), reachable));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The in-app notification rows the forum writes (forum_notifications), as it writes them. */
export interface ForumNotice {
  userId: string;
  kind: 'reply' | 'quote' | 'decision' | 'post_hidden';
  threadId?: number | null;
  postId?: number | null;
  membershipId?: number | null;
  details?: Record<string, unknown>;
}

/**
 * E-mails for forum notifications: replies and quotes in followed threads (unless the member
 * chose one summary a day), a membership decision, a post hidden by moderation.
 */
export async function mailForumNotifications(tx: MailExecutor, notices: ForumNotice[]): Promise<void> {
  if (notices.length === 0) return;
  const recipients = await people(tx, [...new Set(notices.map((n) => n.userId))]);
  const threadIds = [...new Set(notices.map((n) => n.threadId).filter((id): id is number => typeof id === 'number'))];
  const titles = new Map(
    threadIds.length ? (await tx.select({ id: threads.id, title: threads.title }).from(threads).where(inArray(threads.id, threadIds))).map((r) => [r.id, r.title]) : [],
  );
  const dailyIds = new Set(
    (
      await tx
        .select({ userId: mailPreferences.userId })
        .from(mailPreferences)
        .where(and(inArray(mailPreferences.userId, [...recipients.keys()].concat('00000000-0000-0000-0000-000000000000')), eq(mailPreferences.kind, REPLIES_DAILY), eq(mailPreferences.enabled, true)))
    ).map((r) => r.userId),
  );
  for (const notice of notices) {
    const person = recipients.get(notice.userId);
    if (!person) continue;
    const thread = notice.threadId ? (titles.get(notice.threadId) ?? '') : '';
    const threadUrl = absoluteUrl(notice.threadId ? `/forum/threads/${notice.threadId}` : '/forum/notifications');
    const details = notice.details ?? {};
    const base = { userId: person.id, to: person.email, locale: person.locale };
    if (notice.kind === 'reply' || notice.kind === 'quote') {
      if (dailyIds.has(person.id)) continue; // in tomorrow morning's summary
      await enqueueMail(tx, {
        ...base,
        data: { kind: notice.kind === 'reply' ? 'thread_reply' : 'thread_quote', name: person.name, thread, by: String(details.by ?? ''), url: threadUrl },
      });
    } else if (notice.kind === 'decision') {
      await enqueueMail(tx, {
        ...base,
        data: { kind: 'membership_decided', name: person.name, approved: details.decision === 'approve', reason: String(details.reason ?? ''), url: absoluteUrl('/forum/membership') },
      });
    } else {
      await enqueueMail(tx, {
        ...base,
        data: { kind: 'post_hidden', name: person.name, thread, auto: details.auto === true, reason: String(details.reason ?? ''), url: threadUrl },
      });
    }
  }
}

/** "We received your application": to the applicant, with the application. */
export async function mailMembershipReceived(tx: MailExecutor, { userId, communeId }: { userId: string; communeId: number }): Promise<void> {
  const person = (await people(tx, [userId])).get(userId);
  if (!person) return;
  const [commune] = await tx.select({ name: communes.name }).from(communes).where(eq(communes.id, communeId)).limit(1);
  await enqueueMail(tx, {
    userId: person.id,
    to: person.email,
    locale: person.locale,
    data: { kind: 'membership_received', name: person.name, commune: commune?.name ?? '', url: absoluteUrl('/forum/membership') },
  });
}

/** The approved members a consultation is for: its commune's, or every commune's for a county one. */
async function consultationMembers(tx: MailExecutor, communeId: number | null): Promise<Person[]> {
  return tx
    .select(personColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.status, 'approved'), communeId === null ? undefined : eq(memberships.communeId, communeId), reachable));
}

async function consultationRow(tx: MailExecutor, consultationId: number) {
  const [row] = await tx
    .select({ id: consultations.id, title: consultations.title, communeId: consultations.communeId, deadline: consultations.deadline })
    .from(consultations)
    .where(eq(consultations.id, consultationId))
    .limit(1);
  return row;
}

/** A consultation opened: to the approved members it is for. */
export async function mailConsultationOpened(tx: MailExecutor, { consultationId }: { consultationId: number }): Promise<void> {
  const consultation = await consultationRow(tx, consultationId);
  if (!consultation) return;
  for (const person of await consultationMembers(tx, consultation.communeId)) {
    await enqueueMail(tx, {
      userId: person.id,
      to: person.email,
      locale: person.locale,
      data: { kind: 'consultation_opened', name: person.name, title: consultation.title, deadline: consultation.deadline, url: absoluteUrl(`/forum/consultations/${consultation.id}`) },
      subjectRef: `consultation:${consultation.id}`,
      dedupeKey: `consultation_opened:${consultation.id}:${person.id}`,
    });
  }
}

/** The forum's opinion published: to the members it is for and to everyone who took a position. */
export async function mailConsultationOpinion(tx: MailExecutor, { consultationId }: { consultationId: number }): Promise<void> {
  const consultation = await consultationRow(tx, consultationId);
  if (!consultation) return;
  const members = await consultationMembers(tx, consultation.communeId);
  const takers = await tx
    .select(personColumns)
    .from(positions)
    .innerJoin(users, eq(users.id, positions.userId))
    .where(and(eq(positions.consultationId, consultationId), reachable));
  const everyone = new Map([...members, ...takers].map((p) => [p.id, p]));
  for (const person of everyone.values()) {
    await enqueueMail(tx, {
      userId: person.id,
      to: person.email,
      locale: person.locale,
      data: { kind: 'consultation_opinion', name: person.name, title: consultation.title, url: absoluteUrl(`/forum/consultations/${consultation.id}`) },
      subjectRef: `consultation:${consultation.id}`,
      // A corrected summary is not announced twice.
      dedupeKey: `consultation_opinion:${consultation.id}:${person.id}`,
    });
  }
}

/**
 * "24 hours left" to the members a consultation is for who have not taken a position, once per
 * consultation and member. Run by the worker once a minute.
 */
export async function queueConsultationClosing({ database, now = new Date() }: { database: Database; now?: Date }): Promise<number> {
  const closing = await database
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(gt(consultations.deadline, now), lte(consultations.deadline, new Date(now.getTime() + 24 * 3600_000))));
  let queued = 0;
  for (const { id } of closing) {
    await database.transaction(async (tx) => {
      const consultation = await consultationRow(tx, id);
      if (!consultation) return;
      const taken = new Set((await tx.select({ userId: positions.userId }).from(positions).where(eq(positions.consultationId, id))).map((r) => r.userId));
      for (const person of await consultationMembers(tx, consultation.communeId)) {
        if (taken.has(person.id)) continue;
        const sent = await enqueueMail(tx, {
          userId: person.id,
          to: person.email,
          locale: person.locale,
          data: { kind: 'consultation_closing', name: person.name, title: consultation.title, deadline: consultation.deadline, url: absoluteUrl(`/forum/consultations/${id}`) },
          subjectRef: `consultation:${id}`,
          dedupeKey: `consultation_closing:${id}:${person.id}`,
        });
        if (sent) queued += 1;
      }
    });
  }
  return queued;
}

/**
 * The daily summary of replies and quotes, for members who chose it: from 7:00 (Warsaw), their
 * unread reply and quote notifications of the last day, by thread; once a day per member.
 */
export async function queueThreadDigests({ database, now = new Date() }: { database: Database; now?: Date }): Promise<number> {
  const day = dayKey(now);
  if (localParts(now).hour < 7) return 0;
  const since = new Date(now.getTime() - 24 * 3600_000);
  const rows = await database
    .select({ userId: notifications.userId, threadId: notifications.threadId, title: threads.title, n: sql<number>`count(*)::int` })
    .from(notifications)
    .innerJoin(mailPreferences, and(eq(mailPreferences.userId, notifications.userId), eq(mailPreferences.kind, REPLIES_DAILY), eq(mailPreferences.enabled, true)))
    .innerJoin(threads, eq(threads.id, notifications.threadId))
    .where(
      and(
        inArray(notifications.kind, ['reply', 'quote']),
        isNull(notifications.readAt),
        gt(notifications.createdAt, since),
        sql`not exists (select 1 from mail_outbox o where o.dedupe_key = 'thread_digest:' || ${notifications.userId} || ':' || ${day})`,
      ),
    )
    .groupBy(notifications.userId, notifications.threadId, threads.title);
  const byUser = new Map<string, { title: string; count: number; url: string }[]>();
  for (const r of rows) {
    byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), { title: r.title, count: Number(r.n), url: absoluteUrl(`/forum/threads/${r.threadId}`) }]);
  }
  const recipients = await people(database, [...byUser.keys()]);
  let queued = 0;
  for (const [userId, list] of byUser) {
    const person = recipients.get(userId);
    if (!person) continue;
    const sent = await enqueueMail(database, {
      userId,
      to: person.email,
      locale: person.locale,
      data: { kind: 'thread_digest', name: person.name, threads: list, url: absoluteUrl('/forum/notifications') },
      dedupeKey: `thread_digest:${userId}:${day}`,
    });
    if (sent) queued += 1;
  }
  return queued;
}
