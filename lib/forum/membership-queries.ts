/** Reads of forum membership: applications, members per commune, the localities to apply for. */
import 'server-only';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, localities, memberships, users } from '@/db/schema';
import { communesWithRole, ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canManageMembers } from './permissions';
import { getForumSettings } from './settings';

/** A membership with its commune and locality (joined on communes and, left, localities). */
const membershipColumns = {
  id: memberships.id,
  status: memberships.status,
  communeId: memberships.communeId,
  communeName: communes.name,
  representation: memberships.representation,
  localityName: localities.name,
  organisation: memberships.organisation,
  createdAt: memberships.createdAt,
  decidedAt: memberships.decidedAt,
};

/** The viewer's latest membership or application (any status), for the membership page. */
export async function getMyMembership({ actor }: { actor: CurrentUser }) {
  requireUser(actor);
  const [row] = await db
    .select({ ...membershipColumns, decisionReason: memberships.decisionReason, endReason: memberships.endReason })
    .from(memberships)
    .innerJoin(communes, eq(communes.id, memberships.communeId))
    .leftJoin(localities, eq(localities.id, memberships.localityId))
    .where(eq(memberships.userId, actor.id))
    .orderBy(desc(memberships.id))
    .limit(1);
  return row ?? null;
}

/** A member's row as the member pages show it (with users joined for the name). */
const memberColumns = { ...membershipColumns, userName: users.name, statement: memberships.statement };

/** Public: the approved members of one commune (name, representation, since when). */
export async function listCommuneMembers({ communeSlug }: { communeSlug: string }) {
  const [commune] = await db.select({ id: communes.id, name: communes.name, slug: communes.slug }).from(communes).where(eq(communes.slug, communeSlug)).limit(1);
  if (!commune) throw new AppError('not_found:commune');
  const members = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(communes, eq(communes.id, memberships.communeId))
    .leftJoin(localities, eq(localities.id, memberships.localityId))
    .where(and(eq(memberships.communeId, commune.id), eq(memberships.status, 'approved')))
    .orderBy(asc(memberships.representation), asc(memberships.decidedAt));
  const settings = await getForumSettings();
  return { commune, members, quotas: { locality: settings.localityQuota, organisation: settings.organisationQuota } };
}

/**
 * Public: communes with their number of approved members. A join, not a correlated subquery: in a
 * one-table select drizzle writes ${communes.id} as a bare "id", which inside a subquery on
 * memberships meant the membership's own id (every commune showed 0 or 1).
 */
export async function listCommunesWithMembers() {
  return db
    .select({ id: communes.id, slug: communes.slug, name: communes.name, members: count(memberships.id) })
    .from(communes)
    .leftJoin(memberships, and(eq(memberships.communeId, communes.id), eq(memberships.status, 'approved')))
    .where(eq(communes.active, true))
    .groupBy(communes.id)
    .orderBy(asc(communes.name));
}

/** Applications and members a coordinator manages: pending ones and approved ones, in their communes. */
export async function listManagedMemberships({ actor }: { actor: CurrentUser }) {
  requireUser(actor);
  const scope = communesWithRole(actor, 'coordinator');
  ensure(scope === 'all' || scope.length > 0);
  const where = and(
    inArray(memberships.status, ['pending', 'approved']),
    scope === 'all' ? undefined : inArray(memberships.communeId, scope),
  );
  const list = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(communes, eq(communes.id, memberships.communeId))
    .leftJoin(localities, eq(localities.id, memberships.localityId))
    .where(where)
    .orderBy(asc(communes.name), asc(memberships.createdAt))
    .limit(500);
  return {
    pending: list.filter((m) => m.status === 'pending' && canManageMembers(actor, m.communeId)),
    approved: list.filter((m) => m.status === 'approved' && canManageMembers(actor, m.communeId)),
  };
}

/** Every active locality of every active commune, for the application form (filtered by commune there). */
export async function listAllActiveLocalities() {
  const list = await db
    .select({ id: localities.id, name: localities.name, kind: localities.kind, communeId: localities.communeId })
    .from(localities)
    .innerJoin(communes, eq(communes.id, localities.communeId))
    .where(and(eq(localities.active, true), eq(communes.active, true)));
  const collator = new Intl.Collator('pl');
  return list.sort((a, b) => collator.compare(a.name, b.name));
}
