import 'server-only';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { auditLog, communes, localities, userRoles, users } from '@/db/schema';
import { canAdminister, ensure, type CurrentUser, type Role } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { resolveAuditSubjects } from './audit-subjects';
import { AUDIT_PAGE_SIZE, USERS_PAGE_SIZE } from './schema';

// Every function here is for administrators only; the permission check comes before any lookup
// so that a non-admin learns nothing, not even whether a user or commune exists.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Polish alphabetical order (ł after l, ż last), whatever collation the database was made with. */
const collator = new Intl.Collator('pl');

/** Makes user input match literally inside ILIKE (backslash is Postgres's default escape). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface AdminRoleGrant {
  id: number;
  role: Role;
  communeId: number | null;
  communeName: string | null;
  grantedAt: Date;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  status: users.status,
  locale: users.locale,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
};

async function grantsByUser(userIds: string[]): Promise<Map<string, AdminRoleGrant[]>> {
  const byUser = new Map<string, AdminRoleGrant[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      id: userRoles.id,
      userId: userRoles.userId,
      role: userRoles.role,
      communeId: userRoles.communeId,
      communeName: communes.name,
      grantedAt: userRoles.grantedAt,
    })
    .from(userRoles)
    .leftJoin(communes, eq(communes.id, userRoles.communeId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role), asc(userRoles.id));
  for (const { userId, ...grant } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(grant);
    byUser.set(userId, list);
  }
  return byUser;
}

/**
 * One page of users, newest first, with their role grants. Keyset pagination on (created_at, id):
 * the cursor is the id of the last user shown, and the next page starts strictly after that
 * user's (created_at, id) — exact to the microsecond, unlike a timestamp passed through a JS Date.
 */
export async function listUsers({ actor, query, cursor }: { actor: CurrentUser; query?: string; cursor?: string }) {
  ensure(canAdminister(actor));
  const conditions: SQL[] = [];
  const term = query?.trim();
  if (term) {
    const pattern = `%${escapeLike(term)}%`;
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (cursor) {
    if (!UUID.test(cursor)) throw new AppError('bad_request');
    const after = alias(users, 'after_user');
    conditions.push(
      sql`(${users.createdAt}, ${users.id}) < ${db.select({ createdAt: after.createdAt, id: after.id }).from(after).where(eq(after.id, cursor))}`,
    );
  }
  const page = await db
    .select(userColumns)
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(USERS_PAGE_SIZE + 1);
  const shown = page.slice(0, USERS_PAGE_SIZE);
  const grants = await grantsByUser(shown.map((u) => u.id));
  return {
    users: shown.map((u) => ({ ...u, roles: grants.get(u.id) ?? [] })),
    nextCursor: page.length > USERS_PAGE_SIZE ? shown.at(-1)!.id : null,
  };
}

export type AdminUserListItem = Awaited<ReturnType<typeof listUsers>>['users'][number];

/** One user with their role grants; never the password hash. */
export async function getUser({ actor, id }: { actor: CurrentUser; id: string }) {
  ensure(canAdminister(actor));
  if (!UUID.test(id)) throw new AppError('not_found:user');
  const [user] = await db
    .select({ ...userColumns, consentAt: users.consentAt, updatedAt: users.updatedAt, deletedAt: users.deletedAt, secondFactorSince: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user) throw new AppError('not_found:user');
  const grants = await grantsByUser([user.id]);
  return { ...user, roles: grants.get(user.id) ?? [] };
}

export type AdminUser = Awaited<ReturnType<typeof getUser>>;

/** Every commune, active or not, with how many localities it has. */
export async function listCommunes({ actor }: { actor: CurrentUser }) {
  ensure(canAdminister(actor));
  const rows = await db
    .select({
      id: communes.id,
      slug: communes.slug,
      name: communes.name,
      kind: communes.kind,
      active: communes.active,
      createdAt: communes.createdAt,
      localityCount: sql<number>`count(${localities.id})::int`,
      activeLocalityCount: sql<number>`(count(${localities.id}) filter (where ${localities.active}))::int`,
    })
    .from(communes)
    .leftJoin(localities, eq(localities.communeId, communes.id))
    .groupBy(communes.id);
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

export type AdminCommune = Awaited<ReturnType<typeof listCommunes>>[number];

export async function getCommune({ actor, id }: { actor: CurrentUser; id: number }) {
  ensure(canAdminister(actor));
  const [commune] = await db.select().from(communes).where(eq(communes.id, id)).limit(1);
  if (!commune) throw new AppError('not_found:commune');
  return commune;
}

/** The localities of one commune, active or not. */
export async function listLocalities({ actor, communeId }: { actor: CurrentUser; communeId: number }) {
  ensure(canAdminister(actor));
  const [commune] = await db.select({ id: communes.id }).from(communes).where(eq(communes.id, communeId)).limit(1);
  if (!commune) throw new AppError('not_found:commune');
  const rows = await db.select().from(localities).where(eq(localities.communeId, communeId));
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * One page of the audit log, newest first, with who did it. Keyset pagination on (at, id): the
 * cursor is the id of the last entry shown.
 */
export async function listAuditLog({
  actor,
  cursor,
  action,
  actorId,
}: {
  actor: CurrentUser;
  cursor?: string;
  action?: string;
  actorId?: string;
}) {
  ensure(canAdminister(actor));
  const conditions: SQL[] = [];
  if (action) conditions.push(eq(auditLog.action, action));
  if (actorId) {
    if (!UUID.test(actorId)) throw new AppError('bad_request');
    conditions.push(eq(auditLog.actorId, actorId));
  }
  if (cursor) {
    if (!/^[1-9][0-9]{0,17}$/.test(cursor)) throw new AppError('bad_request');
    const after = alias(auditLog, 'after_entry');
    conditions.push(
      sql`(${auditLog.at}, ${auditLog.id}) < ${db.select({ at: after.at, id: after.id }).from(after).where(eq(after.id, Number(cursor)))}`,
    );
  }
  const page = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
      actorStatus: users.status,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const shown = page.slice(0, AUDIT_PAGE_SIZE);
  const subjects = await resolveAuditSubjects(shown);
  return { entries: shown.map((entry, i) => ({ ...entry, subjects: subjects[i]! })), nextCursor: page.length > AUDIT_PAGE_SIZE ? String(shown.at(-1)!.id) : null };
}

export type AdminAuditEntry = Awaited<ReturnType<typeof listAuditLog>>['entries'][number];

/** The distinct action codes in the log, for the filter. */
export async function listAuditActions({ actor }: { actor: CurrentUser }): Promise<string[]> {
  ensure(canAdminister(actor));
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).limit(500);
  return rows.map((r) => r.action);
}

/** The counts on the administration start page. */
export async function getAdminOverview({ actor }: { actor: CurrentUser }) {
  ensure(canAdminister(actor));
  const [userCounts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`(count(*) filter (where ${users.status} = 'active'))::int`,
      disabled: sql<number>`(count(*) filter (where ${users.status} = 'disabled'))::int`,
    })
    .from(users);
  const [communeCounts] = await db
    .select({ total: sql<number>`count(*)::int`, active: sql<number>`(count(*) filter (where ${communes.active}))::int` })
    .from(communes);
  const [localityCounts] = await db
    .select({ total: sql<number>`count(*)::int`, active: sql<number>`(count(*) filter (where ${localities.active}))::int` })
    .from(localities);
  return { users: userCounts!, communes: communeCounts!, localities: localityCounts! };
}
