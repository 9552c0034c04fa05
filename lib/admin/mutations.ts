import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type * as z from 'zod';
import { db } from '@/db/client';
import { communes, localities, userRoles, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { canAdminister, ensure, type CurrentUser, type Role } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { isScopable, placeName, slug as slugSchema, type CommuneKind, type LocalityKind, type SettableUserStatus } from './schema';

// Administrators only. The permission check comes first, before any lookup, so a non-admin learns
// nothing about what exists. Every change and its audit entry commit in one transaction. Rows are
// locked FOR NO KEY UPDATE (keys never change here), so the foreign-key checks of concurrent
// inserts, which take KEY SHARE locks, are never blocked by them.

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

async function lockUser(tx: Tx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(eq(users.id, userId))
    .for('no key update')
    .limit(1);
  if (!user) throw new AppError('not_found:user');
  // A deleted account is an anonymised tombstone (RODO): nothing about it may change again.
  if (user.status === 'deleted') throw new AppError('conflict:user_deleted');
  return user;
}

/**
 * For changes that can take an administrator away (revoking an admin role, disabling an account):
 * locks every admin grant, always in the same order, then checks that the actor is still an active
 * admin. Two admins acting against each other at the same moment are thus served one after the
 * other, and the second is refused — the county is never left without an administrator.
 */
async function lockAdministrators(tx: Tx, actor: CurrentUser) {
  const admins = await tx
    .select({ userId: userRoles.userId, status: users.status })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(eq(userRoles.role, 'admin'))
    .orderBy(asc(userRoles.id))
    .for('no key update');
  if (!admins.some((a) => a.userId === actor.id && a.status === 'active')) throw new AppError('forbidden');
}

/** Checks one value with the forms' own rule, so a caller that skipped the form gets the same error. */
function checked<T>(field: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fieldError(field, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireUserId(id: string) {
  if (!UUID.test(id)) throw new AppError('not_found:user');
}

/**
 * Grants a role. Coordinators and moderators may be limited to one active commune; every other
 * role is county-wide. Granting what the user already holds is a field error, not a second row.
 */
export async function grantRole({
  actor,
  userId,
  role,
  communeId,
}: {
  actor: CurrentUser;
  userId: string;
  role: Role;
  communeId: number | null;
}) {
  ensure(canAdminister(actor));
  requireUserId(userId);
  if (communeId !== null && !isScopable(role)) throw fieldError('communeId', 'role_not_scopable');
  return db.transaction(async (tx) => {
    await lockUser(tx, userId);
    if (communeId !== null) {
      const [commune] = await tx.select({ active: communes.active }).from(communes).where(eq(communes.id, communeId)).limit(1);
      if (!commune) throw new AppError('not_found:commune');
      if (!commune.active) throw fieldError('communeId', 'commune_inactive');
    }
    const [grant] = await tx
      .insert(userRoles)
      .values({ userId, role, communeId, grantedBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: userRoles.id });
    if (!grant) throw fieldError('role', 'role_already_granted', 'conflict');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'role.grant',
      targetType: 'user',
      targetId: userId,
      details: { grantId: grant.id, role, communeId },
    });
    return grant;
  });
}

/** Takes a role grant away. An admin cannot take away their own admin role (no lock-out). */
export async function revokeRole({ actor, grantId }: { actor: CurrentUser; grantId: number }) {
  ensure(canAdminister(actor));
  return db.transaction(async (tx) => {
    const [grant] = await tx.select().from(userRoles).where(eq(userRoles.id, grantId)).limit(1);
    if (!grant) throw new AppError('not_found:grant');
    if (grant.userId === actor.id && grant.role === 'admin') throw new AppError('forbidden:self');
    // Not locked above: an admin grant is locked with all the others, in their order.
    if (grant.role === 'admin') await lockAdministrators(tx, actor);
    const [deleted] = await tx.delete(userRoles).where(eq(userRoles.id, grant.id)).returning({ id: userRoles.id });
    if (!deleted) throw new AppError('not_found:grant');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'role.revoke',
      targetType: 'user',
      targetId: grant.userId,
      details: { grantId: grant.id, role: grant.role, communeId: grant.communeId },
    });
    return { userId: grant.userId };
  });
}

/**
 * Disables or re-enables an account. Disabling also bumps the session version, which ends every
 * session of the user at their next request. An admin cannot disable themselves.
 */
export async function setUserStatus({ actor, userId, status }: { actor: CurrentUser; userId: string; status: SettableUserStatus }) {
  ensure(canAdminister(actor));
  requireUserId(userId);
  if (userId === actor.id) throw new AppError('forbidden:self');
  await db.transaction(async (tx) => {
    if (status === 'disabled') await lockAdministrators(tx, actor);
    const user = await lockUser(tx, userId);
    if (user.status === status) return;
    await tx
      .update(users)
      .set({
        status,
        updatedAt: new Date(),
        ...(status === 'disabled' ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(and(eq(users.id, userId), ne(users.status, 'deleted')));
    await recordAudit(tx, {
      actorId: actor.id,
      action: status === 'disabled' ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: userId,
    });
  });
}

export async function createCommune({ actor, name, slug, kind }: { actor: CurrentUser; name: string; slug: string; kind: CommuneKind }) {
  ensure(canAdminister(actor));
  const cleanName = checked('name', placeName, name);
  const cleanSlug = checked('slug', slugSchema, slug);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(communes)
      .values({ name: cleanName, slug: cleanSlug, kind })
      .onConflictDoNothing({ target: communes.slug })
      .returning({ id: communes.id });
    if (!created) throw fieldError('slug', 'slug_taken', 'conflict');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'commune.create',
      targetType: 'commune',
      targetId: created.id,
      details: { name: cleanName, slug: cleanSlug, kind },
    });
    return created;
  });
}

export async function renameCommune({ actor, id, name }: { actor: CurrentUser; id: number; name: string }) {
  ensure(canAdminister(actor));
  const cleanName = checked('name', placeName, name);
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ name: communes.name }).from(communes).where(eq(communes.id, id)).for('no key update').limit(1);
    if (!before) throw new AppError('not_found:commune');
    if (before.name === cleanName) return;
    await tx.update(communes).set({ name: cleanName }).where(eq(communes.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'commune.rename', targetType: 'commune', targetId: id, details: { from: before.name, to: cleanName } });
  });
}

/** Communes are never deleted (grants, surveys and results point at them): they are deactivated. */
export async function setCommuneActive({ actor, id, active }: { actor: CurrentUser; id: number; active: boolean }) {
  ensure(canAdminister(actor));
  await db.transaction(async (tx) => {
    const [updated] = await tx.update(communes).set({ active }).where(eq(communes.id, id)).returning({ id: communes.id });
    if (!updated) throw new AppError('not_found:commune');
    await recordAudit(tx, { actorId: actor.id, action: active ? 'commune.activate' : 'commune.deactivate', targetType: 'commune', targetId: id });
  });
}

/**
 * The unique index is case-sensitive; "Wola" and "wola" are still the same village, so the check
 * here ignores case. createLocality locks the commune first, so concurrent adds are checked one
 * after the other; the index stays as the last guard.
 */
async function refuseDuplicateLocality(tx: Tx, communeId: number, name: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: localities.id })
    .from(localities)
    .where(
      and(
        eq(localities.communeId, communeId),
        sql`lower(${localities.name}) = lower(${name})`,
        exceptId === undefined ? undefined : ne(localities.id, exceptId),
      ),
    )
    .limit(1);
  if (clash) throw fieldError('name', 'locality_taken', 'conflict');
}

export async function createLocality({
  actor,
  communeId,
  name,
  kind,
}: {
  actor: CurrentUser;
  communeId: number;
  name: string;
  kind: LocalityKind;
}) {
  ensure(canAdminister(actor));
  const cleanName = checked('name', placeName, name);
  return db.transaction(async (tx) => {
    const [commune] = await tx.select({ id: communes.id }).from(communes).where(eq(communes.id, communeId)).for('no key update').limit(1);
    if (!commune) throw new AppError('not_found:commune');
    await refuseDuplicateLocality(tx, communeId, cleanName);
    const [created] = await tx
      .insert(localities)
      .values({ communeId, name: cleanName, kind })
      .onConflictDoNothing({ target: [localities.communeId, localities.name] })
      .returning({ id: localities.id });
    if (!created) throw fieldError('name', 'locality_taken', 'conflict');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'locality.create',
      targetType: 'locality',
      targetId: created.id,
      details: { communeId, name: cleanName, kind },
    });
    return created;
  });
}

export async function renameLocality({ actor, id, name }: { actor: CurrentUser; id: number; name: string }) {
  ensure(canAdminister(actor));
  const cleanName = checked('name', placeName, name);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: localities.name, communeId: localities.communeId })
      .from(localities)
      .where(eq(localities.id, id))
      .for('no key update')
      .limit(1);
    if (!before) throw new AppError('not_found:locality');
    if (before.name !== cleanName) {
      await refuseDuplicateLocality(tx, before.communeId, cleanName, id);
      await tx.update(localities).set({ name: cleanName }).where(eq(localities.id, id));
      await recordAudit(tx, { actorId: actor.id, action: 'locality.rename', targetType: 'locality', targetId: id, details: { from: before.name, to: cleanName } });
    }
    return { communeId: before.communeId };
  });
}

export async function setLocalityActive({ actor, id, active }: { actor: CurrentUser; id: number; active: boolean }) {
  ensure(canAdminister(actor));
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(localities)
      .set({ active })
      .where(eq(localities.id, id))
      .returning({ communeId: localities.communeId });
    if (!updated) throw new AppError('not_found:locality');
    await recordAudit(tx, { actorId: actor.id, action: active ? 'locality.activate' : 'locality.deactivate', targetType: 'locality', targetId: id });
    return updated;
  });
}
