import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, notifications, postRevisions, posts, threadReads, threads, users } from '@/db/schema';
import { deleteAccount } from '@/lib/auth/mutations';
import { hashPassword } from '@/lib/auth/password';
import type { CurrentUser } from '@/lib/auth/permissions';
import { moderatePost, reportPost, setThreadFlag, suspendPosting } from './moderation-mutations';
import { openNotification } from './notification-mutations';
import { addPost, createThread, editPost, markThreadRead } from './thread-mutations';
import { listModerationQueue } from './moderation-queries';
import { countUnreadNotifications } from './notification-queries';
import { searchForum } from './search-queries';
import { getQuote, getThread, getThreadTitle, listThreads, unreadOfList } from './thread-queries';
import { getThreadViewer } from './thread-viewer';
import { MAX_POST_LENGTH } from './schema';
import { saveForumSettings } from './settings';
import { makeMember, makePlaces, makeUser, thrown } from './test-helpers';
import { databaseFingerprint } from '@/tests/factories';

let places: Awaited<ReturnType<typeof makePlaces>>;
let member: CurrentUser;
let otherMember: CurrentUser;
let outsider: CurrentUser;
let communeModerator: CurrentUser;
let otherModerator: CurrentUser;
let countyModerator: CurrentUser;
let communeCoordinator: CurrentUser;

beforeAll(async () => {
  places = await makePlaces();
  member = await makeMember(places.communeId, 'locality', 'Stanisław Sołtys');
  otherMember = await makeMember(places.otherCommuneId, 'ngo', 'Ewa Dębowiecka');
  outsider = await makeUser([], 'Zwykły Użytkownik');
  communeModerator = await makeUser([{ role: 'moderator', communeId: places.communeId }], 'Mod Gminny');
  otherModerator = await makeUser([{ role: 'moderator', communeId: places.otherCommuneId }], 'Mod Inny');
  countyModerator = await makeUser([{ role: 'moderator', communeId: null }], 'Mod Powiatowy');
  communeCoordinator = await makeUser([{ role: 'coordinator', communeId: places.communeId }], 'Koord Gminny');
  await saveForumSettings({ postsPerWindow: 1000 });
});

function newThread(actor: CurrentUser, communeId: number | null = places.communeId, title = 'Dowóz dzieci do szkoły w Gąsówce') {
  return createThread({ actor, title, communeId, serviceAreaIds: [places.areaIds[0]!], body: 'Autobus szkolny przyjeżdża za wcześnie.' });
}

describe('who may write', () => {
  it('a commune thread: its members, its coordinators and moderators; not members of another commune nor non-members', async () => {
    const { id } = await newThread(member);
    await addPost({ actor: communeCoordinator, threadId: id, body: 'Sprawdzimy rozkład.', quotedPostId: null });
    await addPost({ actor: communeModerator, threadId: id, body: 'Proszę o rzeczowość.', quotedPostId: null });
    await addPost({ actor: countyModerator, threadId: id, body: 'Dziękuję.', quotedPostId: null });
    for (const actor of [otherMember, outsider, otherModerator]) {
      expect((await thrown(addPost({ actor, threadId: id, body: 'Wtrącę się.', quotedPostId: null }))).code).toBe('forbidden');
    }
    expect((await thrown(newThread(otherMember))).code).toBe('forbidden');
    expect((await thrown(newThread(outsider))).code).toBe('forbidden');
  });

  it('a county thread: every member and every coordinator/moderator; not a plain user', async () => {
    const { id } = await newThread(member, null, 'Komunikacja powiatowa – rozkład jazdy');
    await addPost({ actor: otherMember, threadId: id, body: 'U nas też.', quotedPostId: null });
    await addPost({ actor: otherModerator, threadId: id, body: 'Moderuję.', quotedPostId: null });
    expect((await thrown(addPost({ actor: outsider, threadId: id, body: 'Ja też!', quotedPostId: null }))).code).toBe('forbidden');
  });

  it('reading is public: an anonymous reader sees the posts but may not write', async () => {
    const { id } = await newThread(member);
    const view = await getThread({ viewer: null, threadId: id });
    expect(view.posts).toHaveLength(1);
    expect(view.posts[0]!.html).toContain('Autobus szkolny');
    // Signed in, but of another commune: reads, may not write; its own members may.
    expect((await getThreadViewer({ viewer: otherMember, threadId: id })).mayWrite).toBe(false);
    expect((await getThreadViewer({ viewer: member, threadId: id })).mayWrite).toBe(true);
  });

  it('refuses empty, oversized and malformed posts with field errors', async () => {
    const { id } = await newThread(member);
    expect((await thrown(addPost({ actor: member, threadId: id, body: '   ', quotedPostId: null }))).fieldErrors).toEqual({ body: ['post_empty'] });
    expect((await thrown(addPost({ actor: member, threadId: id, body: 'a'.repeat(MAX_POST_LENGTH + 1), quotedPostId: null }))).fieldErrors).toEqual({ body: ['post_too_long'] });
    expect((await thrown(addPost({ actor: member, threadId: id, body: 'a\u0000b', quotedPostId: null }))).fieldErrors).toEqual({ body: ['post_malformed'] });
    await addPost({ actor: member, threadId: id, body: 'a'.repeat(MAX_POST_LENGTH), quotedPostId: null });
  });

  it('rate-limits posting per user', async () => {
    await saveForumSettings({ postsPerWindow: 2 });
    try {
      const poster = await makeMember(places.communeId);
      const { id } = await newThread(poster);
      await addPost({ actor: poster, threadId: id, body: 'Drugi', quotedPostId: null });
      expect((await thrown(addPost({ actor: poster, threadId: id, body: 'Trzeci', quotedPostId: null }))).code).toBe('rate_limited:posting');
    } finally {
      await saveForumSettings({ postsPerWindow: 1000 });
    }
  });

  it('a suspended user may not post until the suspension ends', async () => {
    const poster = await makeMember(places.communeId);
    const { id } = await newThread(poster);
    const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, id));
    expect((await thrown(suspendPosting({ actor: otherModerator, postId: first!.id, days: 3, reason: 'Obraźliwe wpisy' }))).code).toBe('forbidden');
    await suspendPosting({ actor: communeModerator, postId: first!.id, days: 3, reason: 'Obraźliwe wpisy' });
    expect((await thrown(addPost({ actor: poster, threadId: id, body: 'Jeszcze raz', quotedPostId: null }))).code).toBe('forbidden:suspended');
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.suspend_posting')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.targetId).toBe(poster.id);
  });
});

describe('posts: numbering, quoting, editing, following', () => {
  it('numbers replies, notifies followers and the quoted author once', async () => {
    const author = await makeMember(places.communeId, 'ngo', 'Autorka Wątku');
    const replier = await makeMember(places.communeId, 'business', 'Odpowiadający');
    const { id } = await newThread(author);
    const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, id));
    const reply = await addPost({ actor: replier, threadId: id, body: '> Autobus\n\nZgadzam się.', quotedPostId: first!.id });
    expect(reply.number).toBe(2);
    const notes = await db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(notes.map((n) => n.kind)).toEqual(['quote']);
    await addPost({ actor: author, threadId: id, body: 'Dziękuję', quotedPostId: null });
    const replierNotes = await db.select().from(notifications).where(eq(notifications.userId, replier.id));
    expect(replierNotes.map((n) => n.kind)).toEqual(['reply']);
    expect(await countUnreadNotifications({ actor: replier })).toBe(1);
    const target = await openNotification({ actor: replier, id: replierNotes[0]!.id });
    expect(target).toEqual({ threadId: id, number: 3 });
    expect(await countUnreadNotifications({ actor: replier })).toBe(0);
    expect((await thrown(openNotification({ actor: author, id: replierNotes[0]!.id }))).code).toBe('not_found:notification');
    const view = await getThread({ viewer: replier, threadId: id });
    expect(view.posts[1]!.quoted).toMatchObject({ id: first!.id, number: 1, authorName: 'Autorka Wątku' });
  });

  it("a deleted account's posts and quotes show no name (its name is emptied), not an empty one", async () => {
    const leaving = await makeMember(places.communeId, 'ngo', 'Odchodząca Członkini');
    await db.update(users).set({ passwordHash: await hashPassword('hasło do usunięcia konta') }).where(eq(users.id, leaving.id));
    const replier = await makeMember(places.communeId, 'business', 'Zostający Członek');
    const { id } = await newThread(leaving);
    const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, id));
    await addPost({ actor: replier, threadId: id, body: '> Autobus\n\nTeż to widzę.', quotedPostId: first!.id });
    await deleteAccount({ actor: leaving, currentPassword: 'hasło do usunięcia konta' });
    const view = await getThread({ viewer: null, threadId: id });
    expect(view.posts[0]!.authorName).toBeNull();
    expect(view.posts[1]!.quoted).toMatchObject({ id: first!.id, authorName: null });
    expect(view.posts[1]!.authorName).toBe('Zostający Członek');
    expect((await getQuote({ threadId: id, postId: first!.id }))?.authorName).toBeNull();
  });

  it('only the author edits; the previous text is kept as visible history', async () => {
    const { id } = await newThread(member);
    const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, id));
    expect((await thrown(editPost({ actor: communeModerator, postId: first!.id, body: 'Zmiana' }))).code).toBe('forbidden');
    await editPost({ actor: member, postId: first!.id, body: 'Autobus przyjeżdża o 6:40.' });
    const revisions = await db.select().from(postRevisions).where(eq(postRevisions.postId, first!.id));
    expect(revisions.map((r) => r.body)).toEqual(['Autobus szkolny przyjeżdża za wcześnie.']);
    const view = await getThread({ viewer: null, threadId: id });
    expect(view.posts[0]!.editedAt).not.toBeNull();
    expect(view.posts[0]!.revisions[0]!.html).toContain('za wcześnie');
  });

  it('renders user Markdown inert: no script, no event handler, no javascript: link', async () => {
    const { id } = await newThread(member);
    await addPost({
      actor: member,
      threadId: id,
      body: '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[kliknij](javascript:alert(3)) i **pogrubienie**',
      quotedPostId: null,
    });
    const view = await getThread({ viewer: null, threadId: id });
    const html = view.posts[1]!.html!;
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<strong>pogrubienie</strong>');
  });

  it('pages a long thread by post number', async () => {
    const { id } = await newThread(member);
    await db.insert(posts).values(Array.from({ length: 44 }, (_, i) => ({ threadId: id, number: i + 2, authorId: member.id, body: `Wpis ${i + 2}` })));
    await db.update(threads).set({ postCount: 45 }).where(eq(threads.id, id));
    const last = await getThread({ viewer: null, threadId: id, page: 99 });
    expect(last.pages).toBe(3);
    expect(last.page).toBe(3);
    expect(last.posts.map((p) => p.number)).toEqual([41, 42, 43, 44, 45]);
    const middle = await getThread({ viewer: null, threadId: id, page: 2 });
    expect(middle.posts[0]!.number).toBe(21);
  });
});

describe('the index: filters and unread counts', () => {
  it('filters by commune and area and counts unread posts for the viewer', async () => {
    const reader = await makeMember(places.otherCommuneId);
    const { id } = await createThread({ actor: countyModerator, title: 'Oświetlenie dróg powiatowych', communeId: null, serviceAreaIds: [places.areaIds[1]!], body: 'Lampy nie świecą.' });
    await addPost({ actor: member, threadId: id, body: 'Potwierdzam', quotedPostId: null });
    const byArea = await listThreads({ viewer: reader, areaId: places.areaIds[1]! });
    const found = byArea.threads.find((t) => t.id === id)!;
    expect(found.unread).toBe(2);
    // What a members' kept list gets after it (app/_http/viewer.ts): the same threads, the same counts.
    const lean = await unreadOfList({ viewer: reader, areaId: places.areaIds[1]! });
    expect(lean).toEqual(byArea.threads.map((t) => ({ id: t.id, unread: t.unread })));
    await markThreadRead({ actor: reader, threadId: id, upTo: 2 });
    expect((await listThreads({ viewer: reader, commune: 'county' })).threads.find((t) => t.id === id)!.unread).toBe(0);
    expect((await unreadOfList({ viewer: reader, commune: 'county' })).find((t) => t.id === id)!.unread).toBe(0);
    expect((await listThreads({ viewer: null, commune: places.communeId })).threads.every((t) => t.communeId === places.communeId)).toBe(true);
    expect((await listThreads({ viewer: null, areaId: places.areaIds[0]! })).threads.some((t) => t.id === id)).toBe(false);
  });

  it('paginates with a cursor without repeating a thread', async () => {
    const places3 = await makePlaces();
    const m = await makeMember(places3.communeId);
    for (let i = 0; i < 27; i++) await createThread({ actor: m, title: `Wątek numer ${i}`, communeId: places3.communeId, serviceAreaIds: [places3.areaIds[0]!], body: 'Treść' });
    const first = await listThreads({ viewer: null, commune: places3.communeId });
    expect(first.threads).toHaveLength(25);
    const second = await listThreads({ viewer: null, commune: places3.communeId, cursor: first.nextCursor! });
    expect(second.threads).toHaveLength(2);
    expect(new Set([...first.threads, ...second.threads].map((t) => t.id)).size).toBe(27);
  });
});

describe('reading writes nothing; the page’s client records what was read', () => {
  it('a thread page’s reads, for a member and anonymously, leave the database as they found it', async () => {
    const reader = await makeMember(places.otherCommuneId, 'ngo', 'Czytelniczka Wątku');
    const writer = await makeMember(places.communeId, 'ngo', 'Autor Odpowiedzi');
    const { id } = await createThread({ actor: countyModerator, title: 'Rozkład jazdy autobusów powiatowych', communeId: null, serviceAreaIds: [places.areaIds[1]!, places.areaIds[0]!], body: 'Pierwszy wpis.' });
    const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, id));
    const reply = await addPost({ actor: writer, threadId: id, body: 'Zgadzam się z wpisem.', quotedPostId: first!.id });
    await editPost({ actor: writer, postId: reply.id, body: 'Zgadzam się z pierwszym wpisem.' });
    await reportPost({ actor: reader, postId: reply.id, reason: 'Nie na temat' });
    await suspendPosting({ actor: countyModerator, postId: reply.id, days: 2, reason: 'Próba' });

    const before = await databaseFingerprint();
    const anonymous = await getThread({ viewer: null, threadId: id });
    const author = await getThread({ viewer: writer, threadId: id });
    const mine = await getThreadViewer({ viewer: reader, threadId: id });
    const authors = await getThreadViewer({ viewer: writer, threadId: id });
    await getThreadTitle({ threadId: id });
    await getQuote({ threadId: id, postId: first!.id });
    await listThreads({ viewer: reader });
    expect(await databaseFingerprint()).toBe(before);

    // …and the single reads still show all a page needs.
    expect(anonymous.thread.areas.map((a) => a.id)).toEqual(places.areaIds);
    expect(anonymous.posts.map((p) => p.number)).toEqual([1, 2]);
    expect(anonymous.posts[1]!.quoted).toMatchObject({ id: first!.id, number: 1, authorName: 'Mod Powiatowy' });
    expect(anonymous.posts[1]!.revisions.map((r) => r.html)).toEqual([expect.stringContaining('Zgadzam się z wpisem.')]);
    expect(anonymous.posts.map((p) => p.body)).toEqual([null, null]);
    expect(author.posts[1]!.body).toBe('Zgadzam się z pierwszym wpisem.');
    // The reader's own part: what they reported, may edit, follow and have read; a suspension.
    expect(mine).toMatchObject({ mayWrite: true, mayModerate: false, following: false, lastRead: null, suspension: null });
    expect(mine.posts[String(reply.id)]).toEqual({ edit: false, report: true, reported: true });
    expect(mine.posts[String(first!.id)]).toEqual({ edit: false, report: true, reported: false });
    expect(authors).toMatchObject({ following: true, lastRead: 2, suspension: { reason: 'Próba' } });
    expect(authors.posts[String(reply.id)]).toEqual({ edit: true, report: false, reported: false });
  });

  it('markThreadRead moves forward only, never past the last post, and writes nothing when nothing moves', async () => {
    const reader = await makeMember(places.otherCommuneId);
    const { id } = await createThread({ actor: countyModerator, title: 'Dyżury aptek w powiecie', communeId: null, serviceAreaIds: [places.areaIds[0]!], body: 'Jeden.' });
    await addPost({ actor: member, threadId: id, body: 'Dwa.', quotedPostId: null });
    await addPost({ actor: member, threadId: id, body: 'Trzy.', quotedPostId: null });
    const unread = async () => (await listThreads({ viewer: reader, commune: 'county' })).threads.find((t) => t.id === id)!.unread;
    expect(await unread()).toBe(3);

    expect(await markThreadRead({ actor: reader, threadId: id, upTo: 2 })).toEqual({ moved: true });
    expect(await unread()).toBe(1);
    const before = await databaseFingerprint();
    expect(await markThreadRead({ actor: reader, threadId: id, upTo: 1 })).toEqual({ moved: false });
    expect(await markThreadRead({ actor: reader, threadId: id, upTo: 2 })).toEqual({ moved: false });
    expect(await databaseFingerprint()).toBe(before);
    // A page cannot claim posts that do not exist yet: the marker stops at the last one.
    expect(await markThreadRead({ actor: reader, threadId: id, upTo: 999 })).toEqual({ moved: true });
    expect(await databaseFingerprint()).not.toBe(before); // the fingerprint does see a write
    const [row] = await db.select().from(threadReads).where(and(eq(threadReads.userId, reader.id), eq(threadReads.threadId, id)));
    expect(row!.lastReadNumber).toBe(3);
    expect(await unread()).toBe(0);
    expect((await getThreadViewer({ viewer: reader, threadId: id })).lastRead).toBe(3);
  });

  it('markThreadRead checks its caller and its input (it is reached from the browser)', async () => {
    const { id } = await newThread(member);
    expect((await thrown(markThreadRead({ actor: null, threadId: id, upTo: 1 }))).code).toBe('unauthorized');
    for (const [threadId, upTo] of [['x', 1], [id, 0], [id, -3], [id, '1; drop table users'], [id, 1.5], [2 ** 40, 1]] as const) {
      expect((await thrown(markThreadRead({ actor: outsider, threadId, upTo }))).code).toBe('bad_request');
    }
    // An unknown thread: nothing to mark.
    expect(await markThreadRead({ actor: outsider, threadId: 2_000_000_000, upTo: 1 })).toEqual({ moved: false });
  });
});

describe('moderation', () => {
  it('three different reporters hide a post at once and its author is told; the reporter cannot report twice or their own post', async () => {
    const author = await makeMember(places.communeId, 'ngo', 'Autor Zgłoszony');
    const { id } = await newThread(author);
    const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, id));
    expect((await thrown(reportPost({ actor: author, postId: first!.id, reason: 'Spam' }))).code).toBe('forbidden:own_post');
    const reporters = [await makeUser(), await makeUser(), await makeUser()];
    expect(await reportPost({ actor: reporters[0]!, postId: first!.id, reason: 'Obraźliwe' })).toEqual({ hidden: false });
    expect((await thrown(reportPost({ actor: reporters[0]!, postId: first!.id, reason: 'Znowu' }))).code).toBe('conflict:already_reported');
    expect(await reportPost({ actor: reporters[1]!, postId: first!.id, reason: 'Spam' })).toEqual({ hidden: false });
    expect(await reportPost({ actor: reporters[2]!, postId: first!.id, reason: 'Wulgaryzmy' })).toEqual({ hidden: true });
    const [note] = await db.select().from(notifications).where(and(eq(notifications.userId, author.id), eq(notifications.kind, 'post_hidden')));
    expect(note).toBeDefined();
    const publicView = await getThread({ viewer: null, threadId: id });
    expect(publicView.posts[0]!.html).toBeNull();
    expect(publicView.posts[0]!.hidden).toEqual({ reason: null, auto: true });
    const modView = await getThread({ viewer: communeModerator, threadId: id });
    expect(modView.posts[0]!.html).toContain('Autobus');
    // A hidden post is neither reported again nor edited, whoever reads; its moderators moderate.
    for (const viewer of [otherModerator, member, reporters[0]!, communeModerator]) {
      const mineNow = await getThreadViewer({ viewer, threadId: id });
      expect(mineNow.posts[String(first!.id)]).toMatchObject({ report: false, edit: false });
      expect(mineNow.mayModerate).toBe(viewer === communeModerator);
    }
    // the queue is scoped by commune
    expect((await listModerationQueue({ actor: communeModerator })).some((q) => q.postId === first!.id)).toBe(true);
    expect((await listModerationQueue({ actor: otherModerator })).some((q) => q.postId === first!.id)).toBe(false);
    expect((await listModerationQueue({ actor: countyModerator })).some((q) => q.postId === first!.id)).toBe(true);
    expect((await thrown(listModerationQueue({ actor: member }))).code).toBe('forbidden');
  });

  it('the threshold is a deployment setting', async () => {
    await saveForumSettings({ autoHideReports: 1 });
    try {
      const { id } = await newThread(member);
      const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, id));
      expect(await reportPost({ actor: await makeUser(), postId: first!.id, reason: 'Spam' })).toEqual({ hidden: true });
    } finally {
      await saveForumSettings({ autoHideReports: 3 });
    }
  });

  it('moderators of the scope hide with a reason and restore (audited); others may not', async () => {
    const { id } = await newThread(member);
    const [first] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, id));
    for (const actor of [otherModerator, member, communeCoordinator]) {
      expect((await thrown(moderatePost({ actor, postId: first!.id, action: 'hide', reason: 'Nie na temat' }))).code).toBe('forbidden');
    }
    expect((await thrown(moderatePost({ actor: communeModerator, postId: first!.id, action: 'hide', reason: '' }))).fieldErrors).toEqual({ reason: ['reason_required'] });
    await moderatePost({ actor: communeModerator, postId: first!.id, action: 'hide', reason: 'Nie na temat' });
    const view = await getThread({ viewer: member, threadId: id });
    expect(view.posts[0]!.hidden).toEqual({ reason: 'Nie na temat', auto: false });
    expect(view.posts[0]!.html).toBeNull();
    await moderatePost({ actor: countyModerator, postId: first!.id, action: 'restore', reason: '' });
    expect((await getThread({ viewer: null, threadId: id })).posts[0]!.hidden).toBeNull();
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, String(first!.id)))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['post.hide', 'post.restore']));
  });

  it('county threads are moderated by county-wide moderators only', async () => {
    const { id } = await newThread(member, null);
    expect((await thrown(setThreadFlag({ actor: communeModerator, threadId: id, flag: 'lock' }))).code).toBe('forbidden');
    await setThreadFlag({ actor: countyModerator, threadId: id, flag: 'pin' });
    await setThreadFlag({ actor: countyModerator, threadId: id, flag: 'lock' });
    expect((await thrown(addPost({ actor: member, threadId: id, body: 'Po zamknięciu', quotedPostId: null }))).code).toBe('conflict:thread_locked');
    const [row] = await db.select().from(threads).where(eq(threads.id, id));
    expect(row).toMatchObject({ pinned: true, locked: true });
  });
});

describe('search', () => {
  it('ignores Polish diacritics and case, filters by commune, and highlights matches', async () => {
    const { id } = await createThread({
      actor: member,
      title: 'Źródło wody w Łężynach',
      communeId: places.communeId,
      serviceAreaIds: [places.areaIds[0]!],
      body: 'Woda z wodociągu ma ŻÓŁTY kolor po deszczu.',
    });
    const byTitle = await searchForum({ query: 'zrodlo LEZYN' });
    const hit = byTitle.hits.find((h) => h.kind === 'thread' && h.threadId === id)!;
    expect(hit.title.filter((s) => s.match).map((s) => s.text)).toEqual(['Źródło', 'Łężynach']);
    const byBody = await searchForum({ query: 'zolty wodociag', communeId: places.communeId });
    expect(byBody.hits.some((h) => h.kind === 'post' && h.threadId === id)).toBe(true);
    expect((await searchForum({ query: 'zolty', communeId: places.otherCommuneId })).hits.some((h) => h.threadId === id)).toBe(false);
    expect((await searchForum({ query: "'); drop table users; --" })).hits).toEqual([]);
  });
});
