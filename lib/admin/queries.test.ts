import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, thrown } from '@/tests/factories';
import { db } from '@/db/client';
import { auditLog, communes, localities, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import {
  escapeLike,
  getAdminOverview,
  getCommune,
  getUser,
  listAuditActions,
  listAuditLog,
  listCommunes,
  listLocalities,
  listUsers,
} from './queries';
import { AUDIT_PAGE_SIZE, USERS_PAGE_SIZE } from './schema';


let admin: CurrentUser;
let communeId: number;

beforeAll(async () => {
  admin = await makeUser([{ role: 'admin', communeId: null }], 'Ala Admin');
  const [row] = await db.insert(communes).values({ slug: 'skolyszyn', name: 'Skołyszyn', kind: 'rural' }).returning({ id: communes.id });
  communeId = row!.id;
});

describe('every admin query refuses non-admins', () => {
  const nonAdmins: [string, () => RoleGrant[]][] = [
    ['a plain member', () => []],
    ['a county coordinator', () => [{ role: 'coordinator', communeId: null }]],
    ['a commune coordinator', () => [{ role: 'coordinator', communeId }]],
    ['a moderator', () => [{ role: 'moderator', communeId }]],
    ['an analyst', () => [{ role: 'analyst', communeId: null }]],
    ['an operator', () => [{ role: 'operator', communeId: null }]],
  ];

  it.each(nonAdmins)('%s gets "forbidden"', async (_label, roles) => {
    const actor = await makeUser(roles());
    const calls: Promise<unknown>[] = [
      listUsers({ actor }),
      listUsers({ actor, query: 'a' }),
      getUser({ actor, id: admin.id }),
      getUser({ actor, id: actor.id }),
      getUser({ actor, id: randomUUID() }),
      listCommunes({ actor }),
      getCommune({ actor, id: communeId }),
      listLocalities({ actor, communeId }),
      listAuditLog({ actor }),
      listAuditLog({ actor, actorId: actor.id }),
      listAuditActions({ actor }),
      getAdminOverview({ actor }),
    ];
    for (const call of calls) expect((await thrown(call)).code).toBe('forbidden');
  });
});

describe('listUsers', () => {
  it('pages through every user exactly once, newest first, even when many share a created_at', async () => {
    // 40 users in one statement share the same now(); 20 more differ by a microsecond each, a
    // step a JavaScript Date cannot represent.
    await db.insert(users).values(Array.from({ length: 40 }, (_, i) => ({ name: `Tie ${i}`, email: `tie${i}@example.pl` })));
    await db.insert(users).values(
      Array.from({ length: 20 }, (_, i) => ({
        name: `Micro ${i}`,
        email: `micro${i}@example.pl`,
        createdAt: sql`'2026-03-01 12:00:00.000000+00'::timestamptz + ${i} * interval '1 microsecond'`,
      })),
    );
    const all = await db.select({ id: users.id }).from(users);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listUsers({ actor: admin, cursor });
      expect(page.users.length).toBeLessThanOrEqual(USERS_PAGE_SIZE);
      if (page.nextCursor) expect(page.users).toHaveLength(USERS_PAGE_SIZE);
      seen.push(...page.users.map((u) => u.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 100);

    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
    expect(pages).toBe(Math.ceil(all.length / USERS_PAGE_SIZE));

    // The order is (created_at desc, id desc).
    const ordered = await db
      .select({ id: users.id })
      .from(users)
      .orderBy(sql`${users.createdAt} desc, ${users.id} desc`);
    expect(seen).toEqual(ordered.map((r) => r.id));
  });

  it('searches name and e-mail without regard to case, and pages the results', async () => {
    await db.insert(users).values(Array.from({ length: 30 }, (_, i) => ({ name: `Sołtys Wola ${i}`, email: `s${i}@wola.example.pl` })));
    await db.insert(users).values({ name: 'Inna Osoba', email: 'zofia.WOLA@example.pl' });
    const first = await listUsers({ actor: admin, query: '  wola ' });
    expect(first.users).toHaveLength(USERS_PAGE_SIZE);
    const second = await listUsers({ actor: admin, query: 'wola', cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const found = [...first.users, ...second.users];
    expect(found).toHaveLength(31);
    expect(found.every((u) => /wola/i.test(u.name) || /wola/i.test(u.email))).toBe(true);
    expect((await listUsers({ actor: admin, query: 'SOŁTYS' })).users.length).toBeGreaterThan(0);
  });

  it('treats % and _ in the search as plain characters', async () => {
    await db.insert(users).values([
      { name: 'Pewny na 100%', email: 'procent@example.pl' },
      { name: 'Jan_Podkreślnik', email: 'under@example.pl' },
      { name: 'JanXPodkreślnik', email: 'nounder@example.pl' },
    ]);
    expect((await listUsers({ actor: admin, query: '%' })).users.map((u) => u.email)).toEqual(['procent@example.pl']);
    expect((await listUsers({ actor: admin, query: 'jan_p' })).users.map((u) => u.email)).toEqual(['under@example.pl']);
    expect(escapeLike('a\\b%c_d')).toBe('a\\\\b\\%c\\_d');
  });

  it('returns status and role grants with commune names, and never a password hash', async () => {
    const target = await makeUser([
      { role: 'coordinator', communeId },
      { role: 'analyst', communeId: null },
    ], 'Hasło Testowe');
    await db.update(users).set({ passwordHash: '$argon2id$secret-hash', status: 'disabled' }).where(eq(users.id, target.id));
    const { users: found } = await listUsers({ actor: admin, query: target.email });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: target.id, name: 'Hasło Testowe', status: 'disabled' });
    expect(found[0]!.roles.map(({ role, communeId: c, communeName }) => ({ role, c, communeName }))).toEqual([
      { role: 'coordinator', c: communeId, communeName: 'Skołyszyn' },
      { role: 'analyst', c: null, communeName: null },
    ]);
    const detail = await getUser({ actor: admin, id: target.id });
    for (const value of [found, detail]) {
      expect(JSON.stringify(value)).not.toContain('secret-hash');
      expect(JSON.stringify(value)).not.toContain('passwordHash');
    }
    expect(detail.roles).toHaveLength(2);
  });

  it('refuses a malformed cursor', async () => {
    expect((await thrown(listUsers({ actor: admin, cursor: 'x' }))).code).toBe('bad_request');
  });
});

describe('getUser', () => {
  it('reports unknown and malformed ids as not found', async () => {
    expect((await thrown(getUser({ actor: admin, id: randomUUID() }))).code).toBe('not_found:user');
    expect((await thrown(getUser({ actor: admin, id: 'nope' }))).code).toBe('not_found:user');
  });
});

describe('communes and localities', () => {
  it('lists every commune in Polish order with locality counts', async () => {
    const [brzyska, lubno] = await db
      .insert(communes)
      .values([
        { slug: 'brzyska', name: 'Brzyska', kind: 'rural' },
        { slug: 'lubno', name: 'Łubno', kind: 'rural', active: false },
      ])
      .returning();
    await db.insert(localities).values([
      { communeId: brzyska!.id, name: 'Dąbrówka', kind: 'village' },
      { communeId: brzyska!.id, name: 'Ołpiny', kind: 'village', active: false },
      { communeId: brzyska!.id, name: 'Brzyska', kind: 'village' },
    ]);
    const list = await listCommunes({ actor: admin });
    const names = list.map((c) => c.name);
    expect(names.indexOf('Łubno')).toBeGreaterThan(names.indexOf('Brzyska'));
    expect(names.indexOf('Skołyszyn')).toBeGreaterThan(names.indexOf('Łubno'));
    expect(list.find((c) => c.id === brzyska!.id)).toMatchObject({ localityCount: 3, activeLocalityCount: 2, active: true });
    expect(list.find((c) => c.id === lubno!.id)).toMatchObject({ localityCount: 0, activeLocalityCount: 0, active: false });

    expect((await listLocalities({ actor: admin, communeId: brzyska!.id })).map((l) => l.name)).toEqual(['Brzyska', 'Dąbrówka', 'Ołpiny']);
    expect(await getCommune({ actor: admin, id: lubno!.id })).toMatchObject({ slug: 'lubno', active: false });
  });

  it('reports an unknown commune as not found', async () => {
    expect((await thrown(getCommune({ actor: admin, id: 999_999 }))).code).toBe('not_found:commune');
    expect((await thrown(listLocalities({ actor: admin, communeId: 999_999 }))).code).toBe('not_found:commune');
  });
});

describe('listAuditLog', () => {
  it('pages through every entry exactly once, newest first, with the actor’s name and e-mail', async () => {
    const other = await makeUser([], 'Ewa Inna');
    await db.transaction(async (tx) => {
      // One transaction: all these share the same at, so only the id orders them.
      for (let i = 0; i < 70; i++) await recordAudit(tx, { actorId: i % 2 ? admin.id : other.id, action: i % 7 ? 'test.even' : 'test.seventh', targetType: 'test', targetId: i });
    });
    await recordAudit(db, { actorId: null, action: 'test.system', targetType: 'test' });
    const total = (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;

    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditLog({ actor: admin, cursor });
      expect(page.entries.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const ordered = await db.select({ id: auditLog.id }).from(auditLog).orderBy(sql`${auditLog.at} desc, ${auditLog.id} desc`);
    expect(seen).toEqual(ordered.map((r) => r.id));

    const first = await listAuditLog({ actor: admin });
    expect(first.entries[0]).toMatchObject({ action: 'test.system', actorId: null, actorName: null });
    expect(first.entries[1]).toMatchObject({ action: 'test.even', actorId: admin.id, actorName: 'Ala Admin', actorEmail: admin.email, targetId: '69' });
  });

  it('filters by action and by actor', async () => {
    const sevenths = await listAuditLog({ actor: admin, action: 'test.seventh' });
    expect(sevenths.entries).toHaveLength(10);
    expect(sevenths.entries.every((e) => e.action === 'test.seventh')).toBe(true);
    const [other] = await db.select({ id: users.id }).from(users).where(eq(users.name, 'Ewa Inna'));
    const byOther = await listAuditLog({ actor: admin, actorId: other!.id });
    expect(byOther.entries).toHaveLength(35);
    expect(byOther.entries.every((e) => e.actorName === 'Ewa Inna')).toBe(true);
    expect(await listAuditActions({ actor: admin })).toEqual(expect.arrayContaining(['test.even', 'test.seventh', 'test.system']));
  });

  it('refuses a malformed cursor or actor id', async () => {
    expect((await thrown(listAuditLog({ actor: admin, cursor: '1; drop table' }))).code).toBe('bad_request');
    expect((await thrown(listAuditLog({ actor: admin, actorId: 'x' }))).code).toBe('bad_request');
  });
});

describe('getAdminOverview', () => {
  it('counts users by status, communes and localities', async () => {
    const overview = await getAdminOverview({ actor: admin });
    const [counts] = await db
      .select({ total: sql<number>`count(*)::int`, disabled: sql<number>`(count(*) filter (where status = 'disabled'))::int` })
      .from(users);
    expect(overview.users).toMatchObject({ total: counts!.total, disabled: counts!.disabled });
    expect(overview.communes.total).toBeGreaterThanOrEqual(3);
    expect(overview.communes.active).toBe(overview.communes.total - 1);
    expect(overview.localities).toMatchObject({ total: 3, active: 2 });
  });
});
