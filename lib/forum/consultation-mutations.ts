/** Consultation writes: opening, taking a position, the forum's summary. */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, rows } from '@/db/client';
import { consultations } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, requireUser, type CurrentUser } from '@/lib/auth/permissions';
import { databaseNow, now } from '@/lib/clock';
import { AppError, fieldError } from '@/lib/errors';
import { renderMarkdown } from '@/lib/markdown';
import { canCoordinate, canTakePosition } from './permissions';
import { type PositionValue } from './schema';
import { getSeat } from './seat';
import { checkAreas, checkCommune, insertThread } from './thread-mutations';
import { mailConsultationOpened, mailConsultationOpinion } from '@/lib/mail/forum';

export async function openConsultation({
  actor,
  title,
  body,
  communeId,
  deadline,
  serviceAreaIds,
}: {
  actor: CurrentUser;
  title: string;
  body: string;
  communeId: number | null;
  deadline: Date;
  serviceAreaIds: number[];
}) {
  requireUser(actor);
  ensure(canCoordinate(actor, communeId));
  if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= (await now()).getTime()) throw fieldError('deadline', 'deadline_past');
  await checkCommune(communeId);
  await checkAreas(serviceAreaIds);
  return db.transaction(async (tx) => {
    const thread = await insertThread(tx, { authorId: actor.id, title: title.trim(), communeId, serviceAreaIds, body });
    const [consultation] = await tx
      .insert(consultations)
      .values({ threadId: thread.id, communeId, title: title.trim(), body, bodyHtml: renderMarkdown(body), deadline, createdBy: actor.id })
      .returning({ id: consultations.id });
    await recordAudit(tx, { actorId: actor.id, action: 'consultation.open', targetType: 'consultation', targetId: consultation!.id, details: { communeId } });
    await mailConsultationOpened(tx, { consultationId: consultation!.id });
    return consultation!;
  });
}

/**
 * Takes or changes the member's position. The deadline is checked by the database inside the
 * same statement (now() < deadline), so no position is written or changed after closing, even
 * by a request that started a moment before.
 */
export async function takePosition({
  actor,
  consultationId,
  position,
  justification,
}: {
  actor: CurrentUser;
  consultationId: number;
  position: PositionValue;
  justification: string;
}) {
  requireUser(actor);
  const [consultation] = await db.select({ communeId: consultations.communeId }).from(consultations).where(eq(consultations.id, consultationId)).limit(1);
  if (!consultation) throw new AppError('not_found:consultation');
  const seat = await getSeat(actor.id);
  ensure(canTakePosition(seat, consultation.communeId));
  const text = justification.trim();
  const current = await databaseNow();
  const result = await db.execute(sql`
    insert into forum_consultation_positions (consultation_id, user_id, commune_id, representation, position, justification)
    select ${consultationId}, ${actor.id}, ${seat!.communeId}, ${seat!.representation}, ${position}, ${text}
    where exists (select 1 from forum_consultations where id = ${consultationId} and deadline > ${current})
    on conflict (consultation_id, user_id) do update set
      position = excluded.position, justification = excluded.justification,
      commune_id = excluded.commune_id, representation = excluded.representation, updated_at = now()
    where (select deadline from forum_consultations where id = excluded.consultation_id) > ${current}
    returning id`);
  if (rows(result).length === 0) throw new AppError('conflict:consultation_closed');
}

/** The coordinator's summary of a closed consultation (the forum's published opinion). */
export async function addConsultationSummary({ actor, consultationId, summary }: { actor: CurrentUser; consultationId: number; summary: string }) {
  requireUser(actor);
  const [consultation] = await db
    .select({ communeId: consultations.communeId, closed: sql<boolean>`${consultations.deadline} <= ${await databaseNow()}` })
    .from(consultations)
    .where(eq(consultations.id, consultationId))
    .limit(1);
  if (!consultation) throw new AppError('not_found:consultation');
  ensure(canCoordinate(actor, consultation.communeId));
  if (!consultation.closed) throw new AppError('conflict:consultation_open');
  await db.transaction(async (tx) => {
    await tx.update(consultations).set({ summary: summary.trim(), summaryHtml: renderMarkdown(summary.trim()), summaryBy: actor.id, summaryAt: new Date() }).where(eq(consultations.id, consultationId));
    await recordAudit(tx, { actorId: actor.id, action: 'consultation.summary', targetType: 'consultation', targetId: consultationId });
    await mailConsultationOpinion(tx, { consultationId });
  });
}
