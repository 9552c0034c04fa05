import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, memberships, posts } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/permissions';
import { applyForMembership, decideMembership } from '@/lib/forum/membership-mutations';
import { moderatePost } from '@/lib/forum/moderation-mutations';
import { makePlaces, makeUser } from '@/lib/forum/test-helpers';
import { addPost, createThread } from '@/lib/forum/thread-mutations';
import { grammaticalGender } from '@/lib/i18n/grammatical-gender';
import enAdmin from '@/lib/i18n/messages/en/admin.json';
import plAdmin from '@/lib/i18n/messages/pl/admin.json';
import { REVIEW_DECISIONS } from '@/lib/results/schema';
import { setResultsPublished } from '@/lib/results/mutations';
import { changeSurveyStatus, createSurvey } from '@/lib/surveys/mutations';
import { smallSurveyForm } from '@/lib/surveys/test-helpers';
import { listAuditLog } from './queries';

let admin: CurrentUser;
let coordinator: CurrentUser;
let places: Awaited<ReturnType<typeof makePlaces>>;

beforeAll(async () => {
  places = await makePlaces();
  admin = await makeUser([{ role: 'admin', communeId: null }], 'Alicja Administratorka');
  coordinator = await makeUser([{ role: 'coordinator', communeId: null }, { role: 'moderator', communeId: null }], 'Anna Kowalska');
});

/** The newest entry of `action`, as the audit page gets it. */
async function newest(action: string) {
  const page = await listAuditLog({ actor: admin, action });
  return page.entries[0]!;
}

describe('the audit log names who did what to which object', () => {
  it('a survey whose results were published: its title, linked to its results', async () => {
    const form = smallSurveyForm(`diagnoza-${Date.now() % 100000}`, 'open_link', [places.communeId]);
    const survey = await createSurvey({ actor: coordinator, input: { ...form, meta: { ...form.meta, titlePl: 'Diagnoza potrzeb' } } });
    await changeSurveyStatus({ actor: coordinator, id: survey.id, transition: 'publish' });
    await setResultsPublished({ actor: coordinator, surveyId: survey.id, publish: true });
    const entry = await newest('results.publish');
    expect(entry).toMatchObject({ actorName: 'Anna Kowalska', targetId: survey.id });
    expect(entry.subjects.target).toEqual({ name: 'Diagnoza potrzeb', href: `/results/${survey.slug}` });
    expect((await newest('survey.publish')).subjects.target).toMatchObject({ name: 'Diagnoza potrzeb', href: `/surveys/manage/${survey.id}` });
  });

  it('a membership decision: the member and the commune; a hidden post: its thread and number', async () => {
    const applicant = await makeUser([], 'Piotr Nowak');
    await applyForMembership({ actor: applicant, communeId: places.communeId, representation: 'ngo', localityId: null, organisation: 'OSP', statement: '' });
    const [membership] = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, applicant.id));
    await decideMembership({ actor: coordinator, membershipId: membership!.id, decision: 'approve', reason: '' });
    const decided = await newest('membership.approve');
    expect(decided.subjects.user).toEqual({ name: 'Piotr Nowak', href: `/admin/users/${applicant.id}` });
    expect(decided.subjects.commune).toEqual({ name: expect.stringMatching(/^Tarnowiec/), href: `/admin/communes/${places.communeId}` });

    const thread = await createThread({ actor: applicant, title: 'Dziury w drodze do Gąsówki', communeId: places.communeId, serviceAreaIds: [places.areaIds[0]!], body: 'Pierwszy wpis.' });
    const reply = await addPost({ actor: applicant, threadId: thread.id, body: 'Drugi wpis.', quotedPostId: null });
    const [post] = await db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, thread.id)).orderBy(desc(posts.number)).limit(1);
    await moderatePost({ actor: coordinator, postId: post!.id, action: 'hide', reason: 'Wpis nie na temat' });
    const hidden = await newest('post.hide');
    expect(hidden.subjects).toMatchObject({ number: reply.number, target: { name: 'Dziury w drodze do Gąsówki', href: `/forum/threads/${thread.id}?page=1#post-${reply.number}` } });
    expect(hidden.details).toMatchObject({ reason: 'Wpis nie na temat' });
  });

  it('an object since deleted keeps the name the entry wrote down, without a link; an unknown one its id', async () => {
    const [article] = await db.insert(articles).values({ title: 'Zniknie', lead: 'Wstęp artykułu.', body: 'Treść.', status: 'draft', publishedAt: new Date() }).returning({ id: articles.id });
    await recordAudit(db, { actorId: coordinator.id, action: 'article.create', targetType: 'article', targetId: article!.id, details: { title: 'Zniknie', status: 'draft' } });
    expect((await newest('article.create')).subjects.target).toEqual({ name: 'Zniknie', href: `/news/${article!.id}` });
    await db.delete(articles).where(eq(articles.id, article!.id));
    expect((await newest('article.create')).subjects.target).toEqual({ name: 'Zniknie' });
    await recordAudit(db, { actorId: null, action: 'thread.lock', targetType: 'thread', targetId: 999_999 });
    expect((await newest('thread.lock')).subjects.target).toBeUndefined();
  });
});

describe('the sentence catalogue', () => {
  /** Every audit code the app writes: the literal ones in the source, and the ones built from a list. */
  function auditCodes(): Set<string> {
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.includes('.test.')) {
          const source = readFileSync(path, 'utf8');
          if (!source.includes('recordAudit(')) continue;
          for (const m of source.matchAll(/action: ([^,}]+?)(?:,|\s})/g)) for (const code of m[1]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(code[1]!);
        }
      }
    };
    for (const dir of ['lib', 'app', 'db']) walk(dir);
    for (const t of ['publish', 'close', 'reopen', 'archive']) codes.add(`survey.${t}`);
    for (const f of ['lock', 'unlock', 'pin', 'unpin']) codes.add(`thread.${f}`);
    for (const d of REVIEW_DECISIONS) codes.add(`free_text.${d}`);
    return codes;
  }

  it('has a sentence and a label for every code the app writes, in Polish and English', () => {
    const codes = auditCodes();
    expect(codes.size).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const code of codes) {
      const [domain, verb] = code.split('.') as [string, string];
      for (const [lang, catalogue] of [['pl', plAdmin], ['en', enAdmin]] as const) {
        const sentences = catalogue.admin.auditSentences as Record<string, Record<string, string>>;
        const labels = catalogue.admin.auditActions as Record<string, Record<string, string>>;
        if (!sentences[domain]?.[verb] || !labels[domain]?.[verb]) missing.push(`${lang}: ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reads the grammatical gender of Polish given names', () => {
    expect(grammaticalGender('Anna Kowalska')).toBe('female');
    expect(grammaticalGender('Jan Kowalski')).toBe('male');
    expect(grammaticalGender('Kuba Nowak')).toBe('male');
    expect(grammaticalGender('Beatrycze Wójcik')).toBe('female');
    expect(grammaticalGender('  ')).toBe('other');
    expect(grammaticalGender(null)).toBe('other');
  });
});
