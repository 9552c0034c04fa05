/** Reads of consultations and, once closed, the forum's opinion. */
import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, consultations, positions, users } from '@/db/schema';
import { hasRole, type CurrentUser } from '@/lib/auth/permissions';
import { databaseNow } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { storedHtml } from '@/lib/markdown';
import { getSeat } from './seat';

export async function listConsultations() {
  const current = await databaseNow();
  return db
    .select({
      id: consultations.id,
      title: consultations.title,
      communeName: communes.name,
      deadline: consultations.deadline,
      closed: sql<boolean>`${consultations.deadline} <= ${current}`,
      positions: sql<number>`(select count(*)::int from forum_consultation_positions p where p.consultation_id = ${consultations.id})`,
    })
    .from(consultations)
    .leftJoin(communes, eq(communes.id, consultations.communeId))
    .orderBy(desc(consultations.deadline), desc(consultations.id))
    .limit(200);
}

/**
 * A consultation. It is closed once its deadline has passed by the database's clock (nothing has to
 * run to close it); then the forum's opinion is shown: counts by position, by commune and
 * representation, with the justifications. While open, a member sees only their own position.
 */
export async function getConsultation({ viewer, consultationId }: { viewer: CurrentUser | null; consultationId: number }) {
  const current = await databaseNow();
  const [consultation] = await db
    .select({
      id: consultations.id,
      threadId: consultations.threadId,
      title: consultations.title,
      body: consultations.body,
      bodyHtml: consultations.bodyHtml,
      communeId: consultations.communeId,
      communeName: communes.name,
      deadline: consultations.deadline,
      summary: consultations.summary,
      summaryHtml: consultations.summaryHtml,
      summaryAt: consultations.summaryAt,
      closed: sql<boolean>`${consultations.deadline} <= ${current}`,
    })
    .from(consultations)
    .leftJoin(communes, eq(communes.id, consultations.communeId))
    .where(eq(consultations.id, consultationId))
    .limit(1);
  if (!consultation) throw new AppError('not_found:consultation');
  const seat = viewer ? await getSeat(viewer.id) : null;
  const [mine] = viewer
    ? await db
        .select({ position: positions.position, justification: positions.justification, updatedAt: positions.updatedAt })
        .from(positions)
        .where(and(eq(positions.consultationId, consultationId), eq(positions.userId, viewer.id)))
        .limit(1)
    : [];
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(positions)
    .where(eq(positions.consultationId, consultationId));
  let opinion = null;
  if (consultation.closed) {
    const [counts, justifications] = await Promise.all([
      db
        .select({
          position: positions.position,
          communeName: communes.name,
          representation: positions.representation,
          n: sql<number>`count(*)::int`,
        })
        .from(positions)
        .innerJoin(communes, eq(communes.id, positions.communeId))
        .where(eq(positions.consultationId, consultationId))
        .groupBy(positions.position, communes.name, positions.representation)
        .orderBy(asc(communes.name), asc(positions.representation), asc(positions.position)),
      db
        .select({
          id: positions.id,
          position: positions.position,
          justification: positions.justification,
          representation: positions.representation,
          communeName: communes.name,
          userName: users.name,
        })
        .from(positions)
        .innerJoin(communes, eq(communes.id, positions.communeId))
        .innerJoin(users, eq(users.id, positions.userId))
        .where(eq(positions.consultationId, consultationId))
        .orderBy(asc(positions.position), asc(positions.id)),
    ]);
    const byPosition: Record<string, number> = {};
    for (const c of counts) byPosition[c.position] = (byPosition[c.position] ?? 0) + c.n;
    opinion = { counts, byPosition, justifications };
  }
  return {
    consultation: { ...consultation, bodyHtml: storedHtml(consultation.bodyHtml, consultation.body), summaryHtml: consultation.summary ? storedHtml(consultation.summaryHtml, consultation.summary) : null },
    total,
    mine: mine ?? null,
    mayTakePosition: !consultation.closed && seat !== null && (consultation.communeId === null || seat.communeId === consultation.communeId),
    maySummarise: consultation.closed && hasRole(viewer, 'coordinator', consultation.communeId),
    opinion,
  };
}
