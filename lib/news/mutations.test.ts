import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, auditLog, communes, userRoles, users } from '@/db/schema';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { createArticle, updateArticle } from './mutations';
import { getArticle, listArticles, listFeedArticles, listLatestArticles, listUnpublishedArticles } from './queries';
import { articleSchema, type ArticleInput } from './schema';

let sequence = 0;
async function makeUser(roles: RoleGrant[] = []): Promise<CurrentUser> {
  const email = `n${++sequence}-${randomUUID().slice(0, 8)}@example.pl`;
  const [row] = await db.insert(users).values({ name: 'Anna Nowak', email }).returning({ id: users.id });
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((g) => ({ userId: row!.id, ...g })));
  return { id: row!.id, email, name: 'Anna Nowak', locale: 'pl', roles };
}

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const DAY = 86_400_000;
function input(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: 'Ruszyła Jasielska Agora',
    lead: 'Pierwsze sesje forum odbyły się we wszystkich gminach.',
    body: 'Treść **artykułu**.',
    communeId: null,
    status: 'published',
    publishedAt: new Date(Date.now() - 60_000),
    ...overrides,
  };
}

async function insertArticle(overrides: Partial<typeof articles.$inferInsert> = {}) {
  const [row] = await db
    .insert(articles)
    .values({ title: 'Artykuł', lead: 'Lead artykułu', body: 'Treść', status: 'published', publishedAt: new Date(Date.now() - DAY), ...overrides })
    .returning({ id: articles.id });
  return row!.id;
}

let communeId: number;
let otherCommuneId: number;
let admin: CurrentUser;
let countyCoordinator: CurrentUser;
let communeCoordinator: CurrentUser;
let otherCoordinator: CurrentUser;
let member: CurrentUser;

beforeAll(async () => {
  const rows = await db
    .insert(communes)
    .values([
      { slug: 'skolyszyn', name: 'Skołyszyn', kind: 'rural' },
      { slug: 'tarnowiec', name: 'Tarnowiec', kind: 'rural' },
    ])
    .returning({ id: communes.id });
  [communeId, otherCommuneId] = rows.map((r) => r.id) as [number, number];
  admin = await makeUser([{ role: 'admin', communeId: null }]);
  countyCoordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  communeCoordinator = await makeUser([{ role: 'coordinator', communeId }]);
  otherCoordinator = await makeUser([{ role: 'coordinator', communeId: otherCommuneId }]);
  member = await makeUser();
});

describe('publishing news', () => {
  const outsiders: [string, () => RoleGrant[]][] = [
    ['a plain member', () => []],
    ['a moderator', () => [{ role: 'moderator', communeId: null }]],
    ['an analyst', () => [{ role: 'analyst', communeId: null }]],
    ['an operator', () => [{ role: 'operator', communeId: null }]],
  ];
  it.each(outsiders)('%s may not write or edit articles', async (_label, roles) => {
    const actor = await makeUser(roles());
    const id = await insertArticle();
    expect((await thrown(createArticle({ actor, input: input() }))).code).toBe('forbidden');
    expect((await thrown(updateArticle({ actor, id, input: input() }))).code).toBe('forbidden');
    expect(await listUnpublishedArticles({ actor })).toEqual([]);
  });

  it('county coordinators and admins write anywhere; it is audited', async () => {
    const a = await createArticle({ actor: countyCoordinator, input: input() });
    const b = await createArticle({ actor: admin, input: input({ communeId: otherCommuneId }) });
    const [row] = await db.select().from(articles).where(eq(articles.id, a.id));
    expect(row).toMatchObject({ authorId: countyCoordinator.id, status: 'published', communeId: null });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'article.create'));
    expect(audits.map((x) => x.targetId)).toEqual(expect.arrayContaining([String(a.id), String(b.id)]));
  });

  it('a commune coordinator writes and edits for their commune only', async () => {
    const own = await createArticle({ actor: communeCoordinator, input: input({ communeId }) });
    for (const other of [otherCommuneId, null]) {
      const error = await thrown(createArticle({ actor: communeCoordinator, input: input({ communeId: other }) }));
      expect(error.fieldErrors).toEqual({ communeId: ['commune_not_yours'] });
    }
    await updateArticle({ actor: communeCoordinator, id: own.id, input: input({ communeId, title: 'Poprawiony tytuł' }) });
    expect((await db.select().from(articles).where(eq(articles.id, own.id)))[0]!.title).toBe('Poprawiony tytuł');
    const theirs = await insertArticle({ communeId: otherCommuneId });
    expect((await thrown(updateArticle({ actor: communeCoordinator, id: theirs, input: input({ communeId }) }))).code).toBe('forbidden');
    expect((await thrown(updateArticle({ actor: communeCoordinator, id: own.id, input: input({ communeId: otherCommuneId }) }))).fieldErrors).toEqual({ communeId: ['commune_not_yours'] });
    expect((await thrown(updateArticle({ actor: admin, id: 999_999, input: input() }))).code).toBe('not_found:article');
  });

  it('the form schema checks every field', () => {
    const ok = articleSchema.safeParse({ title: 'Tytuł', lead: 'Krótki wstęp do artykułu', body: 'Treść artykułu tutaj', communeId: '', status: 'draft', publishedAt: '2026-10-25T03:30' });
    expect(ok.success).toBe(true);
    expect(ok.data?.publishedAt.toISOString()).toBe('2026-10-25T02:30:00.000Z');
    // The repeated hour of the autumn change names two instants: the writer must pick another time.
    const twice = articleSchema.safeParse({ ...ok.data, communeId: '', publishedAt: '2026-10-25T02:30' });
    expect(twice.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['publishedAt', 'time_ambiguous']]);
    const bad = articleSchema.safeParse({ title: 'T', lead: '', body: 'x', status: 'other', publishedAt: 'jutro' });
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['body', 'lead', 'publishedAt', 'status', 'title']);
  });
});

describe('reading news', () => {
  it('drafts and scheduled articles are hidden from readers and shown to their coordinators', async () => {
    const draft = await insertArticle({ communeId, status: 'draft' });
    const scheduled = await insertArticle({ communeId, publishedAt: new Date(Date.now() + DAY) });
    for (const id of [draft, scheduled]) {
      for (const viewer of [null, member, otherCoordinator]) {
        expect((await thrown(getArticle({ id, viewer }))).code).toBe('not_found:article');
      }
      for (const viewer of [communeCoordinator, countyCoordinator, admin]) {
        expect(await getArticle({ id, viewer })).toMatchObject({ id, isVisible: false, canManage: true });
      }
    }
    expect((await listUnpublishedArticles({ actor: communeCoordinator })).map((a) => a.id)).toEqual(expect.arrayContaining([draft, scheduled]));
    expect((await listUnpublishedArticles({ actor: otherCoordinator })).map((a) => a.id)).not.toContain(draft);
    const listed = [...(await listArticles()).articles, ...(await listLatestArticles({ limit: 100 })), ...(await listFeedArticles({ limit: 100 }))];
    expect(listed.map((a) => a.id)).not.toContain(draft);
    expect(listed.map((a) => a.id)).not.toContain(scheduled);
    // When its date comes, the scheduled one appears.
    expect((await listArticles({ now: new Date(Date.now() + 2 * DAY) })).articles.map((a) => a.id)).toContain(scheduled);
  });

  it('pages newest first by keyset', async () => {
    await db.delete(articles);
    const base = Date.now() - 100 * DAY;
    const ids: number[] = [];
    for (let i = 0; i < 23; i++) ids.push(await insertArticle({ publishedAt: new Date(base + i * DAY), title: `Artykuł ${i}` }));
    // Two with the same instant are ordered by id.
    const twin = await insertArticle({ publishedAt: new Date(base + 22 * DAY) });
    const expected = [twin, ...ids.reverse()];
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listArticles({ cursor });
      seen.push(...page.articles.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});
