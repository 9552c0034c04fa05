import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { communes, localities, surveyAnswers, surveyInvitationCodes, surveyResponses, surveys } from '@/db/schema';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import type { SurveyDefinition } from './definition';
import { allowedCommuneIds, isAcceptingResponses } from './mutations';
import { canEnterPaper, canExportResponses, canManageInvitations, canManageSurvey, canManageSurveys, canSeeSurveyOffice, surveyCommuneScope } from './permissions';
import { EXPORT_BATCH_SIZE, OFFICE_PAGE_SIZE } from './schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const openNow = and(
  eq(surveys.status, 'open'),
  or(isNull(surveys.opensAt), sql`${surveys.opensAt} <= now()`),
  or(isNull(surveys.closesAt), sql`${surveys.closesAt} > now()`),
);

/** Surveys residents can fill in now: the public list. */
export function listOpenSurveys() {
  return db
    .select({
      id: surveys.id,
      slug: surveys.slug,
      titlePl: surveys.titlePl,
      titleEn: surveys.titleEn,
      descriptionPl: surveys.descriptionPl,
      descriptionEn: surveys.descriptionEn,
      closesAt: surveys.closesAt,
      responseMode: surveys.responseMode,
    })
    .from(surveys)
    .where(openNow)
    .orderBy(desc(surveys.publishedAt), asc(surveys.id));
}

/**
 * What the filling page needs: the survey (open, closed or archived — a closed one says so), the
 * communes a respondent may pick and their localities. Drafts are not public.
 */
export async function getSurveyForFilling({ slug }: { slug: string }) {
  const [survey] = await db.select().from(surveys).where(eq(surveys.slug, slug)).limit(1);
  if (!survey || survey.status === 'draft') throw new AppError('not_found:survey');
  return withPlaces(survey);
}

async function withPlaces(survey: typeof surveys.$inferSelect) {
  const communeIds = await allowedCommuneIds(survey);
  const communeRows = communeIds.length
    ? await db.select({ id: communes.id, name: communes.name }).from(communes).where(inArray(communes.id, communeIds)).orderBy(asc(communes.name))
    : [];
  const localityRows = communeIds.length
    ? await db
        .select({ id: localities.id, name: localities.name, communeId: localities.communeId })
        .from(localities)
        .where(and(inArray(localities.communeId, communeIds), eq(localities.active, true)))
        .orderBy(asc(localities.name))
    : [];
  return {
    survey: { ...survey, definition: survey.definition as SurveyDefinition },
    accepting: isAcceptingResponses(survey),
    communes: communeRows,
    localities: localityRows,
  };
}

/**
 * The back-office list: surveys (not archived) with their response counts, most recently changed
 * first, one page at a time. Keyset on (updated_at, id): the cursor is the id of the last survey
 * shown, and the next page starts strictly after its (updated_at, id).
 */
export async function listSurveysForOffice({ actor, cursor }: { actor: CurrentUser; cursor?: string }) {
  ensure(canSeeSurveyOffice(actor));
  if (cursor !== undefined && !UUID.test(cursor)) throw new AppError('bad_request');
  const responseCounts = db
    .select({ surveyId: surveyResponses.surveyId, n: count().as('n') })
    .from(surveyResponses)
    .groupBy(surveyResponses.surveyId)
    .as('response_counts');
  const after = alias(surveys, 'after_survey');
  const page = await db
    .select({
      id: surveys.id,
      slug: surveys.slug,
      version: surveys.version,
      titlePl: surveys.titlePl,
      titleEn: surveys.titleEn,
      status: surveys.status,
      responseMode: surveys.responseMode,
      updatedAt: surveys.updatedAt,
      responses: sql<number>`coalesce(${responseCounts.n}, 0)::int`,
    })
    .from(surveys)
    .leftJoin(responseCounts, eq(responseCounts.surveyId, surveys.id))
    .where(
      and(
        sql`${surveys.status} <> 'archived'`,
        cursor ? sql`(${surveys.updatedAt}, ${surveys.id}) < ${db.select({ updatedAt: after.updatedAt, id: after.id }).from(after).where(eq(after.id, cursor))}` : undefined,
      ),
    )
    .orderBy(desc(surveys.updatedAt), desc(surveys.id))
    .limit(OFFICE_PAGE_SIZE + 1);
  const shown = page.slice(0, OFFICE_PAGE_SIZE);
  return { surveys: shown, nextCursor: page.length > OFFICE_PAGE_SIZE ? shown.at(-1)!.id : null };
}

async function findSurvey(id: string) {
  if (!UUID.test(id)) throw new AppError('not_found:survey');
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, id)).limit(1);
  if (!survey) throw new AppError('not_found:survey');
  return survey;
}

/** One survey for the back office, with counts by channel and of invitation codes. */
export async function getSurveyForOffice({ actor, id }: { actor: CurrentUser; id: string }) {
  ensure(canSeeSurveyOffice(actor));
  const survey = await findSurvey(id);
  const byChannel = await db
    .select({ channel: surveyResponses.channel, n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, id))
    .groupBy(surveyResponses.channel);
  const [codes] = await db
    .select({ total: count(), used: sql<number>`count(${surveyInvitationCodes.usedAt})::int` })
    .from(surveyInvitationCodes)
    .where(eq(surveyInvitationCodes.surveyId, id));
  const batches = await db
    .selectDistinct({ batch: surveyInvitationCodes.batch })
    .from(surveyInvitationCodes)
    .where(eq(surveyInvitationCodes.surveyId, id))
    .orderBy(asc(surveyInvitationCodes.batch));
  const covered = survey.communeIds.length
    ? (await db.select({ name: communes.name }).from(communes).where(inArray(communes.id, survey.communeIds)).orderBy(asc(communes.name))).map((c) => c.name)
    : ('all' as const);
  const online = byChannel.find((r) => r.channel === 'online')?.n ?? 0;
  const paper = byChannel.find((r) => r.channel === 'paper')?.n ?? 0;
  return {
    survey: { ...survey, definition: survey.definition as SurveyDefinition },
    accepting: isAcceptingResponses(survey),
    /** The names of the communes covered, or 'all' (a survey saved before the picker). */
    communes: covered,
    responses: { online, paper, total: online + paper },
    codes: { total: codes?.total ?? 0, used: codes?.used ?? 0, batches: batches.map((b) => b.batch) },
    can: {
      manage: canManageSurvey(actor, survey),
      paper: canEnterPaper(actor, survey),
      export: canExportResponses(actor, survey),
      invitations: canManageInvitations(actor, survey),
    },
  };
}

/** The communes the builder's picker offers this user: active ones within their reach. */
export async function listCommunesForBuilder({ actor }: { actor: CurrentUser }) {
  ensure(canManageSurveys(actor));
  const scope = surveyCommuneScope(actor);
  if (scope !== 'all' && scope.length === 0) return [];
  return db
    .select({ id: communes.id, name: communes.name })
    .from(communes)
    .where(and(eq(communes.active, true), scope === 'all' ? undefined : inArray(communes.id, scope)))
    .orderBy(asc(communes.name));
}

/**
 * `base`, else `base-2`, `base-3`…: the first address no survey has, suggested by a template
 * (only a suggestion: saving checks again, and a taken address is a field error then).
 */
export async function freeSurveySlug(base: string): Promise<string> {
  const rows = await db
    .select({ slug: surveys.slug })
    .from(surveys)
    .where(or(eq(surveys.slug, base), like(surveys.slug, `${base}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  let n = 1;
  while (taken.has(n === 1 ? base : `${base}-${n}`)) n++;
  return n === 1 ? base : `${base}-${n}`;
}

/** The survey as the builder edits it; a survey covering communes beyond the user's reach is refused. */
export async function getSurveyForBuilder({ actor, id }: { actor: CurrentUser; id: string }) {
  ensure(canManageSurveys(actor));
  const survey = await findSurvey(id);
  ensure(canManageSurvey(actor, survey));
  const [answered] = await db.select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.surveyId, id)).limit(1);
  return { survey: { ...survey, definition: survey.definition as SurveyDefinition }, frozen: Boolean(answered) };
}

/** The preview: the filling page's data for any survey, drafts included, for those who build them. */
export async function getSurveyForPreview({ actor, id }: { actor: CurrentUser; id: string }) {
  ensure(canManageSurveys(actor));
  return withPlaces(await findSurvey(id));
}

/**
 * The paper-entry form: the survey (open) and its places, for operators; a commune's coordinator
 * is offered only the communes they coordinate.
 */
export async function getSurveyForPaperEntry({ actor, id }: { actor: CurrentUser; id: string }) {
  ensure(canEnterPaper(actor));
  const survey = await findSurvey(id);
  if (survey.status === 'draft') throw new AppError('not_found:survey');
  ensure(canEnterPaper(actor, survey));
  const places = await withPlaces(survey);
  const data = {
    ...places,
    communes: places.communes.filter((c) => canEnterPaper(actor, survey, c.id)),
    localities: places.localities.filter((l) => canEnterPaper(actor, survey, l.communeId)),
  };
  const [entered] = await db
    .select({ n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.surveyId, id), eq(surveyResponses.channel, 'paper'), eq(surveyResponses.enteredBy, actor.id)));
  return { ...data, enteredByMe: entered?.n ?? 0 };
}

/** One batch of invitation codes, for the printable sheet. */
export async function listInvitationCodes({ actor, surveyId, batch }: { actor: CurrentUser; surveyId: string; batch: number }) {
  ensure(canManageInvitations(actor));
  const survey = await findSurvey(surveyId);
  ensure(canManageInvitations(actor, survey));
  const codes = await db
    .select({ code: surveyInvitationCodes.code, usedAt: surveyInvitationCodes.usedAt })
    .from(surveyInvitationCodes)
    .where(and(eq(surveyInvitationCodes.surveyId, surveyId), eq(surveyInvitationCodes.batch, batch)))
    .orderBy(asc(surveyInvitationCodes.id));
  return { survey, codes };
}

export interface ExportedResponse {
  id: string;
  submittedAt: Date;
  channel: 'online' | 'paper';
  communeId: number;
  commune: string;
  localityId: number | null;
  locality: string | null;
  ageGroup: string | null;
  respondentType: string | null;
  answers: { questionId: string; itemKey: string; value: number | null; dontKnow: boolean; text: string | null }[];
}

/**
 * The export's source: a survey's responses with their answers, in batches walked by keyset
 * (submitted_at, id), so a million responses stream without OFFSET and without being held in memory.
 * The permission is checked once, before the first batch.
 */
export async function openResponseExport({ actor, surveyId, batchSize = EXPORT_BATCH_SIZE }: { actor: CurrentUser; surveyId: string; batchSize?: number }) {
  ensure(canExportResponses(actor));
  const survey = await findSurvey(surveyId);
  ensure(canExportResponses(actor, survey));
  // A coordinator of a commune exports that commune's responses only; analysts export them all.
  const reach = surveyCommuneScope(actor);
  async function* batches(): AsyncGenerator<ExportedResponse[]> {
    // The cursor keeps the timestamp as PostgreSQL's text: a JS Date would drop the microseconds.
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const page: {
        cursor: string;
        id: string;
        submittedAt: Date;
        channel: 'online' | 'paper';
        communeId: number;
        commune: string;
        localityId: number | null;
        locality: string | null;
        ageGroup: string | null;
        respondentType: string | null;
      }[] = await db
        .select({
          cursor: sql<string>`${surveyResponses.submittedAt}::text`,
          id: surveyResponses.id,
          submittedAt: surveyResponses.submittedAt,
          channel: surveyResponses.channel,
          communeId: surveyResponses.communeId,
          commune: communes.name,
          localityId: surveyResponses.localityId,
          locality: localities.name,
          ageGroup: surveyResponses.ageGroup,
          respondentType: surveyResponses.respondentType,
        })
        .from(surveyResponses)
        .innerJoin(communes, eq(communes.id, surveyResponses.communeId))
        .leftJoin(localities, eq(localities.id, surveyResponses.localityId))
        .where(
          and(
            eq(surveyResponses.surveyId, surveyId),
            reach === 'all' ? undefined : inArray(surveyResponses.communeId, reach),
            after ? sql`(${surveyResponses.submittedAt}, ${surveyResponses.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
          ),
        )
        .orderBy(asc(surveyResponses.submittedAt), asc(surveyResponses.id))
        .limit(batchSize);
      if (page.length === 0) return;
      const answerRows = await db
        .select({
          responseId: surveyAnswers.responseId,
          questionId: surveyAnswers.questionId,
          itemKey: surveyAnswers.itemKey,
          value: surveyAnswers.value,
          dontKnow: surveyAnswers.dontKnow,
          // Free text leaves only once a review passed it (lib/results/free-text.ts): pending or
          // rejected text exports as an empty cell, so the export cannot leak personal data.
          text: sql<string | null>`case when ${surveyAnswers.reviewState} in (1, 2) then ${surveyAnswers.text} end`,
        })
        .from(surveyAnswers)
        .where(inArray(surveyAnswers.responseId, page.map((r) => r.id)));
      const byResponse = new Map<string, ExportedResponse['answers']>();
      for (const { responseId, ...a } of answerRows) {
        let list = byResponse.get(responseId);
        if (!list) byResponse.set(responseId, (list = []));
        list.push(a);
      }
      yield page.map((r) => ({
        id: r.id,
        submittedAt: r.submittedAt,
        channel: r.channel,
        communeId: r.communeId,
        commune: r.commune,
        localityId: r.localityId,
        locality: r.locality,
        ageGroup: r.ageGroup,
        respondentType: r.respondentType,
        answers: byResponse.get(r.id) ?? [],
      }));
      if (page.length < batchSize) return;
      const last = page[page.length - 1]!;
      after = { at: last.cursor, id: last.id };
    }
  }
  return { survey: { ...survey, definition: survey.definition as SurveyDefinition }, batches };
}
