import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, thrown } from '@/tests/factories';
import { db } from '@/db/client';
import { auditLog, communes, localities, userRoles, users } from '@/db/schema';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import {
  createCommune,
  createLocality,
  grantRole,
  renameCommune,
  renameLocality,
  revokeRole,
  setCommuneActive,
  setLocalityActive,
  setUserStatus,
} from './mutations';


async function auditCount(): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row!.n;
}

async function lastAudit(action: string) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(sql`${auditLog.id} desc`).limit(1);
  return row;
}

let admin: CurrentUser;
let communeId: number;
let otherCommuneId: number;
let inactiveCommuneId: number;

beforeAll(async () => {
  admin = await makeUser([{ role: 'admin', communeId: null }], 'Ala Admin');
  const rows = await db
    .insert(communes)
    .values([
      { slug: 'tarnowiec', name: 'Tarnowiec', kind: 'rural' },
      { slug: 'debowiec', name: 'Dębowiec', kind: 'rural' },
      { slug: 'stara-gmina', name: 'Stara Gmina', kind: 'rural', active: false },
    ])
    .returning({ id: communes.id });
  [communeId, otherCommuneId, inactiveCommuneId] = rows.map((r) => r.id) as [number, number, number];
});

describe('every admin mutation refuses non-admins', () => {
  const nonAdmins: [string, () => RoleGrant[]][] = [
    ['a plain member', () => []],
    ['a county coordinator', () => [{ role: 'coordinator', communeId: null }]],
    ['a commune coordinator', () => [{ role: 'coordinator', communeId }]],
    ['a moderator', () => [{ role: 'moderator', communeId: null }]],
    ['an analyst', () => [{ role: 'analyst', communeId: null }]],
    ['an operator', () => [{ role: 'operator', communeId: null }]],
  ];

  it.each(nonAdmins)('%s gets "forbidden" and nothing changes', async (_label, roles) => {
    const actor = await makeUser(roles());
    const target = await makeUser();
    const [grant] = await db.insert(userRoles).values({ userId: target.id, role: 'analyst' }).returning({ id: userRoles.id });
    const [locality] = await db.insert(localities).values({ communeId, name: `Wieś ${randomUUID()}`, kind: 'village' }).returning();
    const auditBefore = await auditCount();
    const calls: Promise<unknown>[] = [
      grantRole({ actor, userId: target.id, role: 'admin', communeId: null }),
      grantRole({ actor, userId: actor.id, role: 'admin', communeId: null }),
      revokeRole({ actor, grantId: grant!.id }),
      setUserStatus({ actor, userId: target.id, status: 'disabled' }),
      createCommune({ actor, name: 'Nowa', slug: `nowa-${randomUUID().slice(0, 8)}`, kind: 'rural' }),
      renameCommune({ actor, id: communeId, name: 'Inna nazwa' }),
      setCommuneActive({ actor, id: communeId, active: false }),
      createLocality({ actor, communeId, name: 'Nowa Wieś', kind: 'village' }),
      renameLocality({ actor, id: locality!.id, name: 'Inna Wieś' }),
      setLocalityActive({ actor, id: locality!.id, active: false }),
      // Unknown targets are refused as forbidden too: a non-admin learns nothing about what exists.
      setUserStatus({ actor, userId: randomUUID(), status: 'disabled' }),
      renameCommune({ actor, id: 999_999, name: 'Nic' }),
    ];
    for (const call of calls) expect((await thrown(call)).code).toBe('forbidden');

    expect(await auditCount()).toBe(auditBefore);
    expect(await db.select().from(userRoles).where(eq(userRoles.userId, actor.id))).toEqual(
      roles().length ? [expect.objectContaining({ role: roles()[0]!.role })] : [],
    );
    expect(await db.select().from(userRoles).where(eq(userRoles.id, grant!.id))).toHaveLength(1);
    const [targetRow] = await db.select().from(users).where(eq(users.id, target.id));
    expect(targetRow).toMatchObject({ status: 'active', sessionVersion: 1 });
    const [commune] = await db.select().from(communes).where(eq(communes.id, communeId));
    expect(commune).toMatchObject({ name: 'Tarnowiec', active: true });
    const [localityRow] = await db.select().from(localities).where(eq(localities.id, locality!.id));
    expect(localityRow).toMatchObject({ name: locality!.name, active: true });
  });
});

describe('grantRole', () => {
  it('grants a county-wide role, records who granted it and audits it', async () => {
    const target = await makeUser();
    const { id } = await grantRole({ actor: admin, userId: target.id, role: 'analyst', communeId: null });
    const [row] = await db.select().from(userRoles).where(eq(userRoles.id, id));
    expect(row).toMatchObject({ userId: target.id, role: 'analyst', communeId: null, grantedBy: admin.id });
    const audit = await lastAudit('role.grant');
    expect(audit).toMatchObject({ actorId: admin.id, targetType: 'user', targetId: target.id });
    expect(audit!.details).toMatchObject({ grantId: id, role: 'analyst', communeId: null });
  });

  it('scopes a coordinator or moderator to one commune, and both scopes may coexist', async () => {
    const target = await makeUser();
    await grantRole({ actor: admin, userId: target.id, role: 'coordinator', communeId });
    await grantRole({ actor: admin, userId: target.id, role: 'coordinator', communeId: otherCommuneId });
    await grantRole({ actor: admin, userId: target.id, role: 'moderator', communeId });
    await grantRole({ actor: admin, userId: target.id, role: 'coordinator', communeId: null });
    const rows = await db.select().from(userRoles).where(eq(userRoles.userId, target.id));
    expect(rows.map((r) => [r.role, r.communeId]).sort()).toEqual(
      [
        ['coordinator', communeId],
        ['coordinator', otherCommuneId],
        ['coordinator', null],
        ['moderator', communeId],
      ].sort(),
    );
  });

  it('refuses a commune for roles that are always county-wide', async () => {
    const target = await makeUser();
    for (const role of ['admin', 'analyst', 'operator'] as const) {
      const error = await thrown(grantRole({ actor: admin, userId: target.id, role, communeId }));
      expect(error.fieldErrors).toEqual({ communeId: ['role_not_scopable'] });
    }
    expect(await db.select().from(userRoles).where(eq(userRoles.userId, target.id))).toHaveLength(0);
  });

  it('refuses an inactive commune at the field and an unknown one as not found', async () => {
    const target = await makeUser();
    expect((await thrown(grantRole({ actor: admin, userId: target.id, role: 'moderator', communeId: inactiveCommuneId }))).fieldErrors).toEqual({
      communeId: ['commune_inactive'],
    });
    expect((await thrown(grantRole({ actor: admin, userId: target.id, role: 'moderator', communeId: 999_999 }))).code).toBe('not_found:commune');
    expect(await db.select().from(userRoles).where(eq(userRoles.userId, target.id))).toHaveLength(0);
  });

  it('refuses a duplicate grant (county-wide or scoped) at the role field and stores one row', async () => {
    const target = await makeUser();
    await grantRole({ actor: admin, userId: target.id, role: 'operator', communeId: null });
    await grantRole({ actor: admin, userId: target.id, role: 'moderator', communeId });
    const auditBefore = await auditCount();
    expect((await thrown(grantRole({ actor: admin, userId: target.id, role: 'operator', communeId: null }))).fieldErrors).toEqual({
      role: ['role_already_granted'],
    });
    expect((await thrown(grantRole({ actor: admin, userId: target.id, role: 'moderator', communeId }))).fieldErrors).toEqual({
      role: ['role_already_granted'],
    });
    expect(await db.select().from(userRoles).where(eq(userRoles.userId, target.id))).toHaveLength(2);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses unknown and deleted users', async () => {
    expect((await thrown(grantRole({ actor: admin, userId: randomUUID(), role: 'analyst', communeId: null }))).code).toBe('not_found:user');
    expect((await thrown(grantRole({ actor: admin, userId: 'not-a-uuid', role: 'analyst', communeId: null }))).code).toBe('not_found:user');
    const gone = await makeUser();
    await db.update(users).set({ status: 'deleted' }).where(eq(users.id, gone.id));
    expect((await thrown(grantRole({ actor: admin, userId: gone.id, role: 'analyst', communeId: null }))).code).toBe('conflict:user_deleted');
  });
});

describe('revokeRole', () => {
  it('removes the grant and audits what it was', async () => {
    const target = await makeUser();
    const { id } = await grantRole({ actor: admin, userId: target.id, role: 'moderator', communeId });
    expect(await revokeRole({ actor: admin, grantId: id })).toEqual({ userId: target.id });
    expect(await db.select().from(userRoles).where(eq(userRoles.id, id))).toHaveLength(0);
    const audit = await lastAudit('role.revoke');
    expect(audit).toMatchObject({ actorId: admin.id, targetId: target.id });
    expect(audit!.details).toMatchObject({ grantId: id, role: 'moderator', communeId });
  });

  it('refuses to take away the acting admin’s own admin role, but allows their other roles', async () => {
    const self = await makeUser([{ role: 'admin', communeId: null }]);
    const [adminGrant] = await db.select().from(userRoles).where(and(eq(userRoles.userId, self.id), eq(userRoles.role, 'admin')));
    expect((await thrown(revokeRole({ actor: self, grantId: adminGrant!.id }))).code).toBe('forbidden:self');
    expect(await db.select().from(userRoles).where(eq(userRoles.id, adminGrant!.id))).toHaveLength(1);

    const { id } = await grantRole({ actor: self, userId: self.id, role: 'analyst', communeId: null });
    await revokeRole({ actor: self, grantId: id });
    expect(await db.select().from(userRoles).where(eq(userRoles.id, id))).toHaveLength(0);
  });

  it('lets one admin take the admin role from another', async () => {
    const other = await makeUser([{ role: 'admin', communeId: null }]);
    const [grant] = await db.select().from(userRoles).where(eq(userRoles.userId, other.id));
    await revokeRole({ actor: admin, grantId: grant!.id });
    expect(await db.select().from(userRoles).where(eq(userRoles.userId, other.id))).toHaveLength(0);
  });

  it('refuses an actor who stopped being an admin since their request began', async () => {
    // Two admins revoking each other at once: the second to commit finds it is no longer an admin.
    const first = await makeUser([{ role: 'admin', communeId: null }]);
    const second = await makeUser([{ role: 'admin', communeId: null }]);
    const [firstGrant] = await db.select().from(userRoles).where(eq(userRoles.userId, first.id));
    const [secondGrant] = await db.select().from(userRoles).where(eq(userRoles.userId, second.id));
    await revokeRole({ actor: first, grantId: secondGrant!.id });
    expect((await thrown(revokeRole({ actor: second, grantId: firstGrant!.id }))).code).toBe('forbidden');
    expect(await db.select().from(userRoles).where(eq(userRoles.id, firstGrant!.id))).toHaveLength(1);
  });

  it('reports an unknown grant as not found', async () => {
    expect((await thrown(revokeRole({ actor: admin, grantId: 999_999 }))).code).toBe('not_found:grant');
  });
});

describe('setUserStatus', () => {
  it('disabling ends every session (session version bumped) and is audited; enabling does not bump', async () => {
    const target = await makeUser();
    await setUserStatus({ actor: admin, userId: target.id, status: 'disabled' });
    let [row] = await db.select().from(users).where(eq(users.id, target.id));
    expect(row).toMatchObject({ status: 'disabled', sessionVersion: 2 });
    expect(await lastAudit('user.disable')).toMatchObject({ actorId: admin.id, targetId: target.id });

    // Disabling twice changes nothing and records nothing.
    const auditBefore = await auditCount();
    await setUserStatus({ actor: admin, userId: target.id, status: 'disabled' });
    expect(await auditCount()).toBe(auditBefore);

    await setUserStatus({ actor: admin, userId: target.id, status: 'active' });
    [row] = await db.select().from(users).where(eq(users.id, target.id));
    expect(row).toMatchObject({ status: 'active', sessionVersion: 2 });
    expect(await lastAudit('user.enable')).toMatchObject({ actorId: admin.id, targetId: target.id });
  });

  it('refuses an admin disabling themselves', async () => {
    expect((await thrown(setUserStatus({ actor: admin, userId: admin.id, status: 'disabled' }))).code).toBe('forbidden:self');
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ status: 'active', sessionVersion: 1 });
  });

  it('refuses an admin whose own account was disabled meanwhile (no two admins disabling each other)', async () => {
    const first = await makeUser([{ role: 'admin', communeId: null }]);
    const second = await makeUser([{ role: 'admin', communeId: null }]);
    await setUserStatus({ actor: first, userId: second.id, status: 'disabled' });
    expect((await thrown(setUserStatus({ actor: second, userId: first.id, status: 'disabled' }))).code).toBe('forbidden');
    expect((await db.select().from(users).where(eq(users.id, first.id)))[0]!.status).toBe('active');
  });

  it('serves two admins acting against each other at the same moment one after the other', async () => {
    const first = await makeUser([{ role: 'admin', communeId: null }]);
    const second = await makeUser([{ role: 'admin', communeId: null }]);
    const [firstGrant] = await db.select().from(userRoles).where(eq(userRoles.userId, first.id));
    const results = await Promise.allSettled([
      setUserStatus({ actor: first, userId: second.id, status: 'disabled' }),
      setUserStatus({ actor: second, userId: first.id, status: 'disabled' }),
      revokeRole({ actor: second, grantId: firstGrant!.id }),
    ]);
    // Whoever went first wins; the rest are refused cleanly (no deadlock, no "unexpected").
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(((r as PromiseRejectedResult).reason as AppError).code).toBe('forbidden');
    const rows = await db.select().from(users).where(sql`${users.id} in (${first.id}, ${second.id})`);
    expect(rows.filter((r) => r.status === 'active').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses unknown and deleted users', async () => {
    expect((await thrown(setUserStatus({ actor: admin, userId: randomUUID(), status: 'disabled' }))).code).toBe('not_found:user');
    const gone = await makeUser();
    await db.update(users).set({ status: 'deleted' }).where(eq(users.id, gone.id));
    expect((await thrown(setUserStatus({ actor: admin, userId: gone.id, status: 'active' }))).code).toBe('conflict:user_deleted');
    const [row] = await db.select().from(users).where(eq(users.id, gone.id));
    expect(row!.status).toBe('deleted');
  });
});

describe('communes', () => {
  it('creates a commune and audits it', async () => {
    const { id } = await createCommune({ actor: admin, name: '  Nowy Żmigród ', slug: 'nowy-zmigrod', kind: 'urban_rural' });
    const [row] = await db.select().from(communes).where(eq(communes.id, id));
    expect(row).toMatchObject({ name: 'Nowy Żmigród', slug: 'nowy-zmigrod', kind: 'urban_rural', active: true });
    expect(await lastAudit('commune.create')).toMatchObject({ actorId: admin.id, targetType: 'commune', targetId: String(id) });
  });

  it('refuses a taken slug at the slug field and stores nothing', async () => {
    const before = await db.select().from(communes);
    const auditBefore = await auditCount();
    const error = await thrown(createCommune({ actor: admin, name: 'Inny Tarnowiec', slug: 'tarnowiec', kind: 'urban' }));
    expect(error.fieldErrors).toEqual({ slug: ['slug_taken'] });
    expect(await db.select().from(communes)).toHaveLength(before.length);
    expect(await db.select().from(communes).where(eq(communes.name, 'Inny Tarnowiec'))).toHaveLength(0);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses a slug that is not lower-case letters, digits and hyphens', async () => {
    for (const slug of ['Jaslo', 'jasło', 'a b', '-a', 'a--b', 'a_b']) {
      expect((await thrown(createCommune({ actor: admin, name: 'Zła', slug, kind: 'rural' }))).fieldErrors).toEqual({ slug: ['slug_invalid'] });
    }
    expect((await thrown(createCommune({ actor: admin, name: 'Zła', slug: '', kind: 'rural' }))).fieldErrors).toEqual({ slug: ['required'] });
    expect(await db.select().from(communes).where(eq(communes.name, 'Zła'))).toHaveLength(0);
  });

  it('checks the name with the form’s rule even when called directly', async () => {
    expect((await thrown(createCommune({ actor: admin, name: ' A ', slug: 'a', kind: 'rural' }))).fieldErrors).toEqual({ name: ['place_name_too_short'] });
    expect((await thrown(renameCommune({ actor: admin, id: communeId, name: 'x'.repeat(121) }))).fieldErrors).toEqual({ name: ['place_name_too_long'] });
    expect((await thrown(createLocality({ actor: admin, communeId, name: '', kind: 'village' }))).fieldErrors).toEqual({ name: ['place_name_too_short'] });
  });

  it('renames and deactivates/reactivates, auditing each; unknown ids are not found', async () => {
    const { id } = await createCommune({ actor: admin, name: 'Krempna', slug: 'krempna', kind: 'rural' });
    await renameCommune({ actor: admin, id, name: 'Gmina Krempna' });
    await setCommuneActive({ actor: admin, id, active: false });
    expect((await db.select().from(communes).where(eq(communes.id, id)))[0]).toMatchObject({ name: 'Gmina Krempna', active: false });
    expect((await lastAudit('commune.rename'))!.details).toEqual({ from: 'Krempna', to: 'Gmina Krempna' });
    expect(await lastAudit('commune.deactivate')).toMatchObject({ targetId: String(id) });
    await setCommuneActive({ actor: admin, id, active: true });
    expect(await lastAudit('commune.activate')).toMatchObject({ targetId: String(id) });

    expect((await thrown(renameCommune({ actor: admin, id: 999_999, name: 'Nic' }))).code).toBe('not_found:commune');
    expect((await thrown(setCommuneActive({ actor: admin, id: 999_999, active: false }))).code).toBe('not_found:commune');
  });
});

describe('localities', () => {
  it('creates a locality in a commune and audits it', async () => {
    const { id } = await createLocality({ actor: admin, communeId, name: 'Łajsce', kind: 'village' });
    const [row] = await db.select().from(localities).where(eq(localities.id, id));
    expect(row).toMatchObject({ communeId, name: 'Łajsce', kind: 'village', active: true });
    expect(await lastAudit('locality.create')).toMatchObject({ actorId: admin.id, targetId: String(id) });
  });

  it('refuses a name already used in the same commune (ignoring case) at the name field, and stores nothing', async () => {
    await createLocality({ actor: admin, communeId, name: 'Umieszcz', kind: 'village' });
    const auditBefore = await auditCount();
    for (const name of ['Umieszcz', 'umieszcz', ' UMIESZCZ ']) {
      expect((await thrown(createLocality({ actor: admin, communeId, name, kind: 'village' }))).fieldErrors).toEqual({ name: ['locality_taken'] });
    }
    const rows = await db.select().from(localities).where(and(eq(localities.communeId, communeId), sql`lower(${localities.name}) = 'umieszcz'`));
    expect(rows).toHaveLength(1);
    expect(await auditCount()).toBe(auditBefore);
    // The same name in another commune is a different place.
    await createLocality({ actor: admin, communeId: otherCommuneId, name: 'Umieszcz', kind: 'village' });
  });

  it('refuses an unknown commune', async () => {
    expect((await thrown(createLocality({ actor: admin, communeId: 999_999, name: 'Nigdzie', kind: 'village' }))).code).toBe('not_found:commune');
  });

  it('renames (refusing a clash, allowing a change of case) and deactivates, auditing each', async () => {
    const { id } = await createLocality({ actor: admin, communeId, name: 'gliniczek', kind: 'village' });
    await createLocality({ actor: admin, communeId, name: 'Roztoki', kind: 'village' });
    expect((await thrown(renameLocality({ actor: admin, id, name: 'roztoki' }))).fieldErrors).toEqual({ name: ['locality_taken'] });
    expect(await renameLocality({ actor: admin, id, name: 'Gliniczek' })).toEqual({ communeId });
    expect((await lastAudit('locality.rename'))!.details).toEqual({ from: 'gliniczek', to: 'Gliniczek' });
    expect(await setLocalityActive({ actor: admin, id, active: false })).toEqual({ communeId });
    expect((await db.select().from(localities).where(eq(localities.id, id)))[0]).toMatchObject({ name: 'Gliniczek', active: false });
    expect(await lastAudit('locality.deactivate')).toMatchObject({ targetId: String(id) });

    expect((await thrown(renameLocality({ actor: admin, id: 999_999, name: 'Nic' }))).code).toBe('not_found:locality');
    expect((await thrown(setLocalityActive({ actor: admin, id: 999_999, active: true }))).code).toBe('not_found:locality');
  });
});
