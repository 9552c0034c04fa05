/** Writes of forum membership: applying, deciding within quotas, ending, stepping down. */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, localities, memberships, notifications, users, type Representation } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { canManageMembers } from './permissions';
import { getForumSettings } from './settings';
import { mailForumNotifications, mailMembershipReceived } from '@/lib/mail/forum';

/** Which quota a representation counts against: villages/neighbourhoods, or NGOs and businesses together. */
export function quotaOf(representation: Representation): 'locality' | 'organisation' {
  return representation === 'locality' ? 'locality' : 'organisation';
}

/** Refusal to approve past a quota; carries what the coordinator needs to see. */
export class QuotaFullError extends AppError {
  constructor(
    readonly quota: 'locality' | 'organisation',
    readonly limit: number,
    readonly holders: string[],
  ) {
    super(`conflict:quota_full_${quota}`);
  }
}

export async function applyForMembership({
  actor,
  communeId,
  representation,
  localityId,
  organisation,
  statement,
}: {
  actor: CurrentUser;
  communeId: number;
  representation: Representation;
  localityId: number | null;
  organisation: string | null;
  statement: string;
}) {
  requireUser(actor);
  const [commune] = await db.select({ active: communes.active }).from(communes).where(eq(communes.id, communeId)).limit(1);
  if (!commune || !commune.active) throw fieldError('communeId', 'commune_inactive');
  if (representation === 'locality') {
    if (localityId === null) throw fieldError('localityId', 'locality_required');
    const [locality] = await db
      .select({ id: localities.id })
      .from(localities)
      .where(and(eq(localities.id, localityId), eq(localities.communeId, communeId), eq(localities.active, true)))
      .limit(1);
    if (!locality) throw fieldError('localityId', 'locality_not_in_commune');
  } else if (!organisation || organisation.trim().length < 2) {
    throw fieldError('organisation', 'organisation_required');
  }
  const [row] = await db.transaction(async (tx) => {
    // The applicant is told in the same transaction (lib/mail).
    const inserted = await tx
      .insert(memberships)
      .values({
        userId: actor.id,
        communeId,
        representation,
        localityId: representation === 'locality' ? localityId : null,
        organisation: representation === 'locality' ? null : organisation!.trim(),
        statement,
      })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (inserted[0]) await mailMembershipReceived(tx, { userId: actor.id, communeId });
    return inserted;
  });
  if (!row) throw new AppError('conflict:membership_exists');
  return row;
}

/**
 * Approves or rejects a pending application. Approval takes a lock on the commune row, so two
 * coordinators approving at the same moment are counted one after the other and a quota can
 * never be exceeded; past the quota it throws QuotaFullError naming the seat holders.
 */
export async function decideMembership({
  actor,
  membershipId,
  decision,
  reason,
}: {
  actor: CurrentUser;
  membershipId: number;
  decision: 'approve' | 'reject';
  reason: string;
}) {
  requireUser(actor);
  const [found] = await db.select().from(memberships).where(eq(memberships.id, membershipId)).limit(1);
  if (!found) throw new AppError('not_found:membership');
  ensure(canManageMembers(actor, found.communeId));
  if (decision === 'reject' && reason.trim().length < 3) throw fieldError('reason', 'reason_required');
  const settings = await getForumSettings();
  return db.transaction(async (tx) => {
    await tx.select({ id: communes.id }).from(communes).where(eq(communes.id, found.communeId)).for('update');
    if (decision === 'approve') {
      const quota = quotaOf(found.representation);
      const kinds: Representation[] = quota === 'locality' ? ['locality'] : ['ngo', 'business'];
      const holders = await tx
        .select({ name: users.name, organisation: memberships.organisation, locality: localities.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(localities, eq(localities.id, memberships.localityId))
        .where(and(eq(memberships.communeId, found.communeId), eq(memberships.status, 'approved'), inArray(memberships.representation, kinds)))
        .orderBy(memberships.decidedAt);
      const limit = quota === 'locality' ? settings.localityQuota : settings.organisationQuota;
      if (holders.length >= limit) {
        throw new QuotaFullError(
          quota,
          limit,
          holders.map((h) => `${h.name} (${h.locality ?? h.organisation ?? ''})`),
        );
      }
    }
    const [updated] = await tx
      .update(memberships)
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decidedAt: new Date(),
        decidedBy: actor.id,
        decisionReason: reason.trim() || null,
      })
      .where(and(eq(memberships.id, membershipId), eq(memberships.status, 'pending')))
      .returning({ id: memberships.id, userId: memberships.userId });
    if (!updated) throw new AppError('conflict:membership_decided');
    const notice = { userId: updated.userId, kind: 'decision' as const, membershipId, details: { decision, reason: reason.trim() } };
    await tx.insert(notifications).values(notice);
    await mailForumNotifications(tx, [notice]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision === 'approve' ? 'membership.approve' : 'membership.reject',
      targetType: 'membership',
      targetId: membershipId,
      details: { userId: updated.userId, communeId: found.communeId, reason: reason.trim() },
    });
    return updated;
  });
}

/** A coordinator ends an approved membership, with a reason (audited). */
export async function endMembership({ actor, membershipId, reason }: { actor: CurrentUser; membershipId: number; reason: string }) {
  requireUser(actor);
  const [found] = await db.select().from(memberships).where(eq(memberships.id, membershipId)).limit(1);
  if (!found) throw new AppError('not_found:membership');
  ensure(canManageMembers(actor, found.communeId));
  if (reason.trim().length < 3) throw fieldError('reason', 'reason_required');
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(memberships)
      .set({ status: 'ended', endedAt: new Date(), endedBy: actor.id, endReason: reason.trim() })
      .where(and(eq(memberships.id, membershipId), eq(memberships.status, 'approved')))
      .returning({ id: memberships.id });
    if (!updated) throw new AppError('conflict:membership_not_active');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'membership.end',
      targetType: 'membership',
      targetId: membershipId,
      details: { userId: found.userId, communeId: found.communeId, reason: reason.trim() },
    });
  });
}

/** A member steps down (or withdraws a pending application); only their own, scoped in the WHERE. */
export async function stepDown({ actor, membershipId }: { actor: CurrentUser; membershipId: number }) {
  requireUser(actor);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(memberships)
      .set({ status: 'ended', endedAt: new Date(), endedBy: actor.id, endReason: null })
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, actor.id), inArray(memberships.status, ['pending', 'approved'])))
      .returning({ id: memberships.id, communeId: memberships.communeId });
    if (!updated) throw new AppError('not_found:membership');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'membership.step_down',
      targetType: 'membership',
      targetId: membershipId,
      details: { communeId: updated.communeId },
    });
  });
}
