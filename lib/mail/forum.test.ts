import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { consultations, mailOutbox, notifications, positions, posts } from '@/db/schema';
import { addConsultationSummary, openConsultation } from '@/lib/forum/consultation-mutations';
import { applyForMembership, decideMembership } from '@/lib/forum/membership-mutations';
import { moderatePost } from '@/lib/forum/moderation-mutations';
import { addPost, createThread } from '@/lib/forum/thread-mutations';
import { makeMember, makePlaces, makeUser, thrown } from '@/lib/forum/test-helpers';
import { daysFromToday } from '@/lib/local-time';
import { queueConsultationClosing, queueThreadDigests } from './forum';
import { updateMailPreferences } from './preferences';
import { countConsultationMail } from './queries';

async function mailFor(userId: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.userId, userId)).orderBy(mailOutbox.id);
}

beforeEach(async () => {
  await db.delete(mailOutbox);
});

describe('forum e-mail', () => {
  it('tells an applicant the application arrived and then the decision, with the reason', async () => {
    const { communeId, villageId } = await makePlaces();
    const applicant = await makeUser([], 'Anna Wnioskująca');
    const coordinator = await makeUser([{ role: 'coordinator', communeId }]);
    const { id } = await applyForMembership({ actor: applicant, communeId, representation: 'locality', localityId: villageId, organisation: null, statement: '' });
    const [received] = await mailFor(applicant.id);
    expect(received).toMatchObject({ kind: 'membership_received', subject: 'Otrzymaliśmy Twój wniosek o członkostwo w forum' });
    expect(received!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    await decideMembership({ actor: coordinator, membershipId: id, decision: 'reject', reason: 'Brak miejsc w sołectwie' });
    const decided = (await mailFor(applicant.id)).at(-1)!;
    expect(decided.kind).toBe('membership_decided');
    expect(decided.textBody).toContain('został odrzucony');
    expect(decided.textBody).toContain('Brak miejsc w sołectwie');
  });

  it('mails followers of a thread at once, the quoted author a quote notice, and nothing to those who chose a daily summary', async () => {
    const { communeId, areaIds } = await makePlaces();
    const author = await makeMember(communeId, 'ngo', 'Autorka Wątku');
    const follower = await makeMember(communeId, 'ngo', 'Obserwator Dzienny');
    const replier = await makeMember(communeId, 'ngo', 'Odpowiadający');
    const thread = await createThread({ actor: author, title: 'Autobus do Cieklina', communeId, serviceAreaIds: [areaIds[0]!], body: 'Autobus przyjeżdża za wcześnie.' });
    await addPost({ actor: follower, threadId: thread.id, body: 'Potwierdzam.', quotedPostId: null });
    await updateMailPreferences({ actor: follower, enabled: {}, repliesDaily: true });
    await db.delete(mailOutbox);

    const [first] = await db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(first).toMatchObject({ kind: 'reply' });
    await db.delete(notifications);
    const [opening] = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.threadId, thread.id), eq(posts.number, 1)));
    await addPost({ actor: replier, threadId: thread.id, body: 'Też to widzę.', quotedPostId: opening!.id });
    const [toAuthor] = await mailFor(author.id);
    expect(toAuthor).toMatchObject({ kind: 'thread_quote', subject: 'Zacytowano Twój wpis: Autobus do Cieklina' });
    expect(toAuthor!.textBody).toContain('Odpowiadający');
    expect(toAuthor!.textBody).toMatch(/\/forum\/threads\/\d+/);
    expect(await mailFor(follower.id)).toEqual([]); // daily summary instead

    // The summary: the next morning from 7:00 Warsaw, once a day, listing the thread; not before
    // 7:00. "The next morning" is today's when the test runs before 7:30 in Warsaw (a run at
    // 00:10 there, 23:10 UTC, would otherwise ask for a summary more than a day after the post).
    const days = daysFromToday(0, '07:30').getTime() > Date.now() ? 0 : 1;
    expect(await queueThreadDigests({ database: db, now: daysFromToday(days, '06:30') })).toBe(0);
    const morning = daysFromToday(days, '07:30');
    expect(await queueThreadDigests({ database: db, now: morning })).toBe(1);
    const [digest] = await mailFor(follower.id);
    expect(digest).toMatchObject({ kind: 'thread_digest', subject: 'Nowe wpisy w obserwowanych wątkach' });
    expect(digest!.textBody).toContain('Autobus do Cieklina – nowe wpisy: 1');
    expect(await queueThreadDigests({ database: db, now: new Date(morning.getTime() + 3600_000) })).toBe(0);
  });

  it("tells a post's author it was hidden, with the moderator's reason", async () => {
    const { communeId, areaIds } = await makePlaces();
    const author = await makeMember(communeId);
    const moderator = await makeUser([{ role: 'moderator', communeId: null }]);
    const thread = await createThread({ actor: author, title: 'Drogi gminne', communeId, serviceAreaIds: [areaIds[0]!], body: 'Pierwszy wpis.' });
    const post = await addPost({ actor: author, threadId: thread.id, body: 'Niegrzeczny wpis', quotedPostId: null });
    await moderatePost({ actor: moderator, postId: post.id, action: 'hide', reason: 'Obraźliwe słowa' });
    const [hidden] = await mailFor(author.id);
    expect(hidden).toMatchObject({ kind: 'post_hidden', subject: 'Twój wpis został ukryty' });
    expect(hidden!.textBody).toContain('Obraźliwe słowa');
  });

  it("announces a consultation to its commune's members, reminds those without a position a day before the end, and announces the opinion", async () => {
    const { communeId, otherCommuneId, areaIds } = await makePlaces();
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const decided = await makeMember(communeId, 'ngo', 'Zdecydowana');
    const undecided = await makeMember(communeId, 'business', 'Niezdecydowany');
    const elsewhere = await makeMember(otherCommuneId);
    const deadline = new Date(Date.now() + 20 * 3600_000);
    const { id } = await openConsultation({ actor: coordinator, title: 'Rozkład jazdy 2027', body: 'Opinia o rozkładzie.', communeId, deadline, serviceAreaIds: [areaIds[0]!] });
    expect((await mailFor(decided.id)).map((m) => m.kind)).toEqual(['consultation_opened']);
    expect((await mailFor(undecided.id))[0]!.subjectRef).toBe(`consultation:${id}`);
    expect(await mailFor(elsewhere.id)).toEqual([]);

    await db.insert(positions).values({ consultationId: id, userId: decided.id, communeId, representation: 'ngo', position: 'supports', justification: '' });
    expect(await queueConsultationClosing({ database: db })).toBe(1);
    expect(await queueConsultationClosing({ database: db })).toBe(0);
    expect((await mailFor(undecided.id)).map((m) => m.kind)).toEqual(['consultation_opened', 'consultation_closing']);
    expect((await mailFor(decided.id)).map((m) => m.kind)).toEqual(['consultation_opened']);

    await db.update(consultations).set({ deadline: new Date(Date.now() - 1000) }).where(eq(consultations.id, id));
    await addConsultationSummary({ actor: coordinator, consultationId: id, summary: 'Forum popiera zmianę.' });
    expect((await mailFor(decided.id)).at(-1)!.kind).toBe('consultation_opinion');
    expect((await mailFor(undecided.id)).at(-1)!.subject).toBe('Opinia forum: Rozkład jazdy 2027');

    // Its coordinators see the counts; a member does not.
    const counts = await countConsultationMail({ actor: coordinator, consultationId: id });
    expect(counts.byKind).toEqual({ opened: 2, closing: 1, opinion: 2 });
    expect(counts.byStatus).toMatchObject({ queued: 5, failed: 0 });
    expect((await thrown(countConsultationMail({ actor: decided, consultationId: id }))).code).toBe('forbidden');
  });
});
