import 'server-only';
import { and, asc, eq, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import * as z from 'zod';
import { db } from '@/db/client';
import { communes, resultsDaily, surveyAnswers, surveyResponses, surveys } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { type Localized, type SurveyDefinition } from '@/lib/surveys/definition';
import { freeTextScope } from './permissions';
import { minGroup } from './queries';
import { REVIEW_STATE, type ReviewDecision } from './schema';

// Residents' free-text answers (short and long text questions) reach analysts and coordinators
// only after a reviewer has marked them free of personal data. Pending text appears in the review
// queue and nowhere else; the public results pages never show any text.
//
// A decision overwrites in place: "redact" stores the reviewer's edited text, "reject" empties it.
// The original is not kept anywhere (nor in the audit log), so personal data a resident typed by
// mistake leaves the database with the decision. Decisions are final: a second reviewer's stale
// decision finds the answer no longer pending and fails (the same decision again is a no-op).

export const QUEUE_PAGE = 20;
export const REMARKS_PAGE = 25;

interface FreeTextSurvey {
  id: string;
  slug: string;
  titlePl: string;
  titleEn: string;
  status: string;
  communeIds: number[];
  definition: SurveyDefinition;
}

export interface TextQuestion {
  id: string;
  label: Localized;
  section: Localized;
}

async function loadSurvey(where: SQL) {
  const [survey] = await db
    .select({ id: surveys.id, slug: surveys.slug, titlePl: surveys.titlePl, titleEn: surveys.titleEn, status: surveys.status, communeIds: surveys.communeIds, definition: surveys.definition })
    .from(surveys)
    .where(where)
    .limit(1);
  return survey as FreeTextSurvey | undefined;
}

/** who (401) → exists (404) → may (403); returns the survey, the user's reach and its text questions. */
async function authorize(actor: CurrentUser | null, where: SQL) {
  if (!actor) throw new AppError('unauthorized');
  const survey = await loadSurvey(where);
  if (!survey || survey.status === 'draft') throw new AppError('not_found:survey');
  const scope = freeTextScope(actor, survey);
  if (!scope) throw new AppError('forbidden');
  // Many text questions share a label ("Your remarks"), so each carries its section's title too.
  const questions: TextQuestion[] = survey.definition.sections.flatMap((s) =>
    s.questions.filter((q) => q.type === 'short_text' || q.type === 'long_text').map((q) => ({ id: q.id, label: q.label, section: s.title })),
  );
  return { survey, scope, questions };
}

function inScope(scope: 'all' | number[]): SQL | undefined {
  if (scope === 'all') return undefined;
  return sql`${surveyResponses.communeId} in (${sql.join(
    scope.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

// The predicates are written as in the partial indexes (db/schema/surveys.ts), literals included,
// so the planner can use them.
const pending = sql`${surveyAnswers.text} is not null and ${surveyAnswers.reviewState} is null`;
const published = sql`${surveyAnswers.reviewState} in (1, 2)`;

// Cursors are opaque to the browser: base64url of the keyset values of the last row shown.
const queueCursor = z.tuple([z.string().max(40), z.uuid(), z.string().max(40)]);
const remarksCursor = z.tuple([z.string().max(40), z.uuid()]);

function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor<T extends z.ZodType>(schema: T, cursor: string | undefined): z.output<T> | null {
  if (!cursor) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Pending and decided free-text answers within the user's reach. */
async function countsOf(surveyId: string, scope: 'all' | number[]) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${surveyAnswers.reviewState} is null)::int`,
      reviewed: sql<number>`count(*) filter (where ${surveyAnswers.reviewState} is not null)::int`,
    })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(and(eq(surveyAnswers.surveyId, surveyId), isNotNull(surveyAnswers.text), inScope(scope)));
  return { pending: Number(row?.pending ?? 0), reviewed: Number(row?.reviewed ?? 0) };
}

/**
 * The review queue of one survey: pending free text, oldest response first, `QUEUE_PAGE` at a
 * time; `after` (a cursor from the previous page) skips what the reviewer passed over.
 */
export async function getReviewQueue({ actor, slug, questionId = null, after }: { actor: CurrentUser | null; slug: string; questionId?: string | null; after?: string }) {
  const { survey, scope, questions } = await authorize(actor, eq(surveys.slug, slug));
  const question = questions.find((q) => q.id === questionId) ?? null;
  const cursor = decodeCursor(queueCursor, after);
  const submitted = sql<string>`${surveyResponses.submittedAt}::text`;
  const rows = await db
    .select({
      responseId: surveyAnswers.responseId,
      questionId: surveyAnswers.questionId,
      text: surveyAnswers.text,
      communeId: surveyResponses.communeId,
      communeName: communes.name,
      submittedAt: surveyResponses.submittedAt,
      key: submitted,
    })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .innerJoin(communes, eq(communes.id, surveyResponses.communeId))
    .where(
      and(
        eq(surveyAnswers.surveyId, survey.id),
        pending,
        question ? eq(surveyAnswers.questionId, question.id) : undefined,
        inScope(scope),
        cursor
          ? sql`(${surveyResponses.submittedAt}, ${surveyAnswers.responseId}, ${surveyAnswers.questionId}) > (${cursor[0]}::timestamptz, ${cursor[1]}::uuid, ${cursor[2]})`
          : undefined,
      ),
    )
    .orderBy(asc(surveyResponses.submittedAt), asc(surveyAnswers.responseId), asc(surveyAnswers.questionId))
    .limit(QUEUE_PAGE + 1);
  const page = rows.slice(0, QUEUE_PAGE);
  const last = page[page.length - 1];
  const labels = new Map(questions.map((q) => [q.id, q]));
  return {
    survey,
    questions,
    question,
    counts: await countsOf(survey.id, scope),
    items: page.map((r) => ({
      responseId: r.responseId,
      questionId: r.questionId,
      question: labels.get(r.questionId) ?? { id: r.questionId, label: { pl: r.questionId, en: r.questionId }, section: { pl: '', en: '' } },
      communeName: r.communeName,
      submittedAt: r.submittedAt,
      text: r.text ?? '',
    })),
    nextCursor: rows.length > QUEUE_PAGE && last ? encodeCursor([last.key, last.responseId, last.questionId]) : null,
  };
}

/** Communes of the survey with fewer than k responses: their remarks are not shown. */
async function smallCommunes(surveyId: string, k: number): Promise<number[]> {
  const rows = await db
    .select({ communeId: resultsDaily.communeId })
    .from(resultsDaily)
    .where(eq(resultsDaily.surveyId, surveyId))
    .groupBy(resultsDaily.communeId)
    .having(sql`sum(${resultsDaily.responses}) < ${k}`);
  return rows.map((r) => r.communeId);
}

/**
 * Reviewed free text (publishable or redacted) for the dashboards, by question then response,
 * `REMARKS_PAGE` at a time. Remarks from a commune with fewer than k responses are left out;
 * asking for such a commune returns `suppressed: true` and nothing else.
 */
export async function listReviewedRemarks({
  actor,
  slug,
  questionId = null,
  communeId = null,
  after,
}: {
  actor: CurrentUser | null;
  slug: string;
  questionId?: string | null;
  communeId?: number | null;
  after?: string;
}) {
  const { survey, scope, questions } = await authorize(actor, eq(surveys.slug, slug));
  const k = minGroup();
  const question = questions.find((q) => q.id === questionId) ?? null;
  const [small, communeRows] = await Promise.all([
    smallCommunes(survey.id, k),
    db.select({ id: communes.id, name: communes.name }).from(communes).orderBy(asc(communes.name)),
  ]);
  const reachable = communeRows.filter((c) => (scope === 'all' || scope.includes(c.id)) && (survey.communeIds.length === 0 || survey.communeIds.includes(c.id)));
  const base = { survey, questions, question, k, communes: reachable, hidesSmall: small.length > 0 };
  if (communeId !== null && (small.includes(communeId) || !reachable.some((c) => c.id === communeId))) {
    return { ...base, suppressed: small.includes(communeId), items: [], nextCursor: null };
  }
  const cursor = decodeCursor(remarksCursor, after);
  const rows = await db
    .select({
      responseId: surveyAnswers.responseId,
      questionId: surveyAnswers.questionId,
      text: surveyAnswers.text,
      reviewState: surveyAnswers.reviewState,
      communeName: communes.name,
    })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .innerJoin(communes, eq(communes.id, surveyResponses.communeId))
    .where(
      and(
        eq(surveyAnswers.surveyId, survey.id),
        published,
        question ? eq(surveyAnswers.questionId, question.id) : undefined,
        communeId !== null ? eq(surveyResponses.communeId, communeId) : undefined,
        inScope(scope),
        small.length > 0 ? notInArray(surveyResponses.communeId, small) : undefined,
        cursor ? sql`(${surveyAnswers.questionId}, ${surveyAnswers.responseId}) > (${cursor[0]}, ${cursor[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(surveyAnswers.questionId), asc(surveyAnswers.responseId))
    .limit(REMARKS_PAGE + 1);
  const page = rows.slice(0, REMARKS_PAGE);
  const last = page[page.length - 1];
  const labels = new Map(questions.map((q) => [q.id, q]));
  return {
    ...base,
    suppressed: false,
    items: page.map((r) => ({
      id: `${r.responseId}/${r.questionId}`,
      question: labels.get(r.questionId) ?? { id: r.questionId, label: { pl: r.questionId, en: r.questionId }, section: { pl: '', en: '' } },
      communeName: r.communeName,
      text: r.text ?? '',
      redacted: r.reviewState === REVIEW_STATE.redacted,
    })),
    nextCursor: rows.length > REMARKS_PAGE && last ? encodeCursor([last.questionId, last.responseId]) : null,
  };
}

const STATE_OF = { publishable: REVIEW_STATE.publishable, redact: REVIEW_STATE.redacted, reject: REVIEW_STATE.rejected } as const;

/**
 * Records a reviewer's decision on one pending free-text answer. Only a pending answer changes (the
 * WHERE says so), so two reviewers cannot clobber each other: the second gets "conflict:review",
 * unless theirs is the very same decision (a retried request), which succeeds without a change.
 */
export async function reviewFreeText({ actor, input }: { actor: CurrentUser | null; input: ReviewDecision }): Promise<{ changed: boolean }> {
  const { survey, scope } = await authorize(actor, eq(surveys.id, input.surveyId));
  const key = and(eq(surveyAnswers.responseId, input.responseId), eq(surveyAnswers.questionId, input.questionId), eq(surveyAnswers.itemKey, ''), eq(surveyAnswers.surveyId, survey.id));
  const [answer] = await db
    .select({ communeId: surveyResponses.communeId })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .where(and(key, isNotNull(surveyAnswers.text)))
    .limit(1);
  if (!answer) throw new AppError('not_found:answer');
  if (scope !== 'all' && !scope.includes(answer.communeId)) throw new AppError('forbidden');
  const state = STATE_OF[input.decision];
  const text = input.decision === 'redact' ? input.text! : input.decision === 'reject' ? '' : undefined;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(surveyAnswers)
      .set(text === undefined ? { reviewState: state } : { reviewState: state, text })
      .where(and(key, isNotNull(surveyAnswers.text), isNull(surveyAnswers.reviewState)))
      .returning({ responseId: surveyAnswers.responseId });
    if (updated.length === 0) {
      const [current] = await tx.select({ reviewState: surveyAnswers.reviewState, text: surveyAnswers.text }).from(surveyAnswers).where(key).limit(1);
      if (current?.reviewState === state && (text === undefined || current.text === text)) return { changed: false };
      throw new AppError('conflict:review');
    }
    // The text itself stays out of the log: it may be the personal data being removed.
    await recordAudit(tx, {
      actorId: actor!.id,
      action: `free_text.${input.decision}`,
      targetType: 'survey_answer',
      targetId: `${input.responseId}/${input.questionId}`,
      details: { surveyId: survey.id, questionId: input.questionId, communeId: answer.communeId },
    });
    return { changed: true };
  });
}
