/** Reads of the quarterly service-quality scorecards. */
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, rows } from '@/db/client';
import { scorecards } from '@/db/schema';
import { type CurrentUser } from '@/lib/auth/permissions';

/**
 * The current score of every area in every commune: the mean of the ratings of the latest quarter
 * that has any, with how many members rated and which quarter it is.
 */
export async function listCurrentScores() {
  const result = await db.execute(sql`
    with latest as (
      select commune_id, service_area_id, max(quarter) as quarter
      from forum_scorecards group by commune_id, service_area_id
    )
    select s.commune_id as "communeId", s.service_area_id as "serviceAreaId", l.quarter,
           round(avg(s.score)::numeric, 2)::float8 as score, count(*)::int as ratings
    from forum_scorecards s
    join latest l on l.commune_id = s.commune_id and l.service_area_id = s.service_area_id and l.quarter = s.quarter
    group by s.commune_id, s.service_area_id, l.quarter`);
  return rows<{ communeId: number; serviceAreaId: number; quarter: number; score: number; ratings: number }>(result);
}

/** The time series of one commune: mean score per area per quarter. */
export async function listScoreSeries({ communeId }: { communeId: number }) {
  return db
    .select({
      serviceAreaId: scorecards.serviceAreaId,
      quarter: scorecards.quarter,
      score: sql<number>`round(avg(${scorecards.score})::numeric, 2)::float8`,
      ratings: sql<number>`count(*)::int`,
    })
    .from(scorecards)
    .where(eq(scorecards.communeId, communeId))
    .groupBy(scorecards.serviceAreaId, scorecards.quarter)
    .orderBy(asc(scorecards.quarter), asc(scorecards.serviceAreaId));
}

/** The areas the member has already rated this quarter. */
export async function listMyRatings({ actor, quarter }: { actor: CurrentUser; quarter: number }) {
  return db
    .select({ serviceAreaId: scorecards.serviceAreaId, score: scorecards.score, comment: scorecards.comment })
    .from(scorecards)
    .where(and(eq(scorecards.userId, actor.id), eq(scorecards.quarter, quarter)));
}
