/** Scorecard writes: a member rates a service area once per quarter. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { scorecards, serviceAreas } from '@/db/schema';
import { ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { canRate } from './permissions';
import { quarterOf } from '@/lib/local-time';
import { getSeat } from './seat';

/** A member rates one service area of their commune, once per quarter. */
export async function rateService({ actor, serviceAreaId, score, comment, at = new Date() }: { actor: CurrentUser; serviceAreaId: number; score: number; comment: string; at?: Date }) {
  requireUser(actor);
  const seat = await getSeat(actor.id);
  ensure(canRate(seat), 'forbidden:not_member');
  if (!Number.isInteger(score) || score < 1 || score > 5) throw fieldError('score', 'score_range');
  const [area] = await db.select({ id: serviceAreas.id }).from(serviceAreas).where(eq(serviceAreas.id, serviceAreaId)).limit(1);
  if (!area) throw fieldError('serviceAreaId', 'invalid');
  const [row] = await db
    .insert(scorecards)
    .values({ userId: actor.id, communeId: seat.communeId, serviceAreaId, quarter: quarterOf(at), score, comment: comment.trim() })
    .onConflictDoNothing()
    .returning({ id: scorecards.id });
  if (!row) throw new AppError('conflict:already_rated');
  return row;
}
