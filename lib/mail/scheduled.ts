import 'server-only';
import { and, desc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { articles, mailPreferences, users } from '@/db/schema';
import { localParts } from '@/lib/local-time';
import { queueConsultationClosing, queueThreadDigests } from './forum';
import { queueMeetingReminders } from './meetings';
import { absoluteUrl, enqueueMail } from './outbox';

/** The Monday (YYYY-MM-DD, Warsaw) of the week `now` is in, and whether it is 8:00 or later on it. */
export function warsawWeek(now: Date): { monday: string; mondayMorningPassed: boolean } {
  const local = localParts(now);
  const date = Date.UTC(local.year, local.month - 1, local.day);
  const dayIndex = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(date - dayIndex * 86_400_000).toISOString().slice(0, 10);
  return { monday, mondayMorningPassed: dayIndex > 0 || local.hour >= 8 };
}

/**
 * The weekly news digest, for members who switched it on: from Monday 8:00 (Warsaw), the articles
 * published in the seven days before, once a week per member (the key names the week), and only
 * when there is something new.
 */
export async function queueNewsDigest({ database, now = new Date() }: { database: Database; now?: Date }): Promise<number> {
  const { monday, mondayMorningPassed } = warsawWeek(now);
  if (!mondayMorningPassed) return 0;
  const items = await database
    .select({ id: articles.id, title: articles.title })
    .from(articles)
    .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, now), gt(articles.publishedAt, new Date(now.getTime() - 7 * 86_400_000))))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(20);
  if (items.length === 0) return 0;
  const readers = await database
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(mailPreferences)
    .innerJoin(users, eq(users.id, mailPreferences.userId))
    .where(
      and(
        eq(mailPreferences.kind, 'news_digest'),
        eq(mailPreferences.enabled, true),
        eq(users.status, 'active'),
        isNotNull(users.emailVerifiedAt),
        sql`not exists (select 1 from mail_outbox o where o.dedupe_key = 'news_digest:' || ${users.id} || ':' || ${monday})`,
      ),
    );
  let queued = 0;
  for (const reader of readers) {
    const sent = await enqueueMail(database, {
      userId: reader.id,
      to: reader.email,
      locale: reader.locale,
      data: { kind: 'news_digest', name: reader.name, items: items.map((a) => ({ title: a.title, url: absoluteUrl(`/news/${a.id}`) })), url: absoluteUrl('/news') },
      dedupeKey: `news_digest:${reader.id}:${monday}`,
    });
    if (sent) queued += 1;
  }
  return queued;
}

/** Everything the worker queues on a schedule; each part is idempotent (dedupe keys). */
export async function queueScheduledMail({ database, now = new Date() }: { database: Database; now?: Date }) {
  const reminders = await queueMeetingReminders({ database, now });
  const news = await queueNewsDigest({ database, now });
  const closing = await queueConsultationClosing({ database, now });
  const threads = await queueThreadDigests({ database, now });
  return { reminders, news, closing, threads };
}
