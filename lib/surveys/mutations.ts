import 'server-only';
import { randomInt } from 'node:crypto';
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { communes, localities, surveyAnswers, surveyInvitationCodes, surveyResponses, surveys } from '@/db/schema';
import { zodFieldErrors } from '@/lib/action';
import { recordAudit } from '@/lib/audit';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { BoundedMap } from '@/lib/bounded-map';
import { addResponseSource, addResponseToAggregates } from '@/lib/results/aggregates';
import { KEY_MODULUS } from '@/lib/results/disclosure';
import { getEnv } from '@/lib/env';
import { AppError, fieldError } from '@/lib/errors';
import { consumeRateLimit, keyedHash } from '@/lib/rate-limit';
import { answerRows, definitionSchema, responseSchema, withoutEnglish, type SurveyDefinition } from './definition';
import { canEnterPaper, canManageInvitations, canManageSurvey, canManageSurveys, mayCoverCommunes } from './permissions';
import { surveyFormSchema, type SurveyFormInput } from './schema';

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireSurveyId(id: string) {
  if (!UUID.test(id)) throw new AppError('not_found:survey');
}

/** Parses with a shared form schema; a caller that skipped the form gets the same field errors. */
function parseForm(input: unknown) {
  const parsed = surveyFormSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request:form_invalid', { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

async function lockSurvey(tx: Tx, id: string) {
  requireSurveyId(id);
  const [survey] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('no key update').limit(1);
  if (!survey) throw new AppError('not_found:survey');
  return survey;
}

async function hasResponses(tx: Tx, surveyId: string): Promise<boolean> {
  const [row] = await tx.select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)).limit(1);
  return Boolean(row);
}

async function slugTaken(tx: Tx, slug: string, exceptId?: string) {
  const [row] = await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug)).limit(1);
  return Boolean(row && row.id !== exceptId);
}

/**
 * The communes a form asks to cover must exist, be active, and lie within the builder's reach (a
 * commune coordinator picks only their own). Checked here, not only by the picker in the browser.
 */
async function checkCoverage(tx: Tx, actor: CurrentUser, communeIds: number[]) {
  if (!mayCoverCommunes(actor, communeIds)) throw fieldError('meta.communeIds', 'survey_communes_not_yours', 'forbidden');
  const found = await tx
    .select({ id: communes.id })
    .from(communes)
    .where(and(inArray(communes.id, communeIds), eq(communes.active, true)));
  if (found.length !== communeIds.length) throw fieldError('meta.communeIds', 'survey_communes_unknown');
}

/** Creates a draft survey from the builder's form. */
export async function createSurvey({ actor, input }: { actor: CurrentUser; input: SurveyFormInput }) {
  ensure(canManageSurveys(actor));
  const { meta, definition } = parseForm(input);
  return db.transaction(async (tx) => {
    await checkCoverage(tx, actor, meta.communeIds);
    if (await slugTaken(tx, meta.slug)) throw fieldError('meta.slug', 'survey_slug_taken', 'conflict');
    const [created] = await tx
      .insert(surveys)
      .values({ ...meta, definition, createdBy: actor.id })
      .returning({ id: surveys.id, slug: surveys.slug });
    await recordAudit(tx, { actorId: actor.id, action: 'survey.create', targetType: 'survey', targetId: created!.id });
    return created!;
  });
}

/**
 * Saves the builder's form over a survey. Once a survey has a response its structure is frozen
 * (answers would lose their meaning); the copy action makes a new version to change instead.
 */
export async function updateSurvey({ actor, id, input }: { actor: CurrentUser; id: string; input: SurveyFormInput }) {
  ensure(canManageSurveys(actor));
  const { meta, definition } = parseForm(input);
  const saved = await db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, id);
    ensure(canManageSurvey(actor, survey));
    if (survey.status === 'archived') throw new AppError('conflict:survey_archived');
    if (await hasResponses(tx, id)) {
      // Answered: the structure, the Polish texts respondents read and the communes covered are
      // frozen (a copy is the way to change them). Only the English translations may be fixed.
      if (!sameExceptEnglish(survey, { meta, definition })) throw new AppError('conflict:survey_frozen');
      await tx
        .update(surveys)
        .set({ titleEn: meta.titleEn, descriptionEn: meta.descriptionEn, definition, updatedAt: new Date() })
        .where(eq(surveys.id, id));
      await recordAudit(tx, { actorId: actor.id, action: 'survey.translate', targetType: 'survey', targetId: id });
      return { id, slug: survey.slug };
    }
    await checkCoverage(tx, actor, meta.communeIds);
    if (await slugTaken(tx, meta.slug, id)) throw fieldError('meta.slug', 'survey_slug_taken', 'conflict');
    await tx
      .update(surveys)
      .set({ ...meta, definition, updatedAt: new Date() })
      .where(eq(surveys.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'survey.update', targetType: 'survey', targetId: id });
    return { id, slug: meta.slug };
  });
  return saved;
}

/** Does a saved form change nothing of a stored survey but its English texts? */
function sameExceptEnglish(survey: typeof surveys.$inferSelect, { meta, definition }: ReturnType<typeof parseForm>): boolean {
  const time = (d: Date | null) => (d ? d.getTime() : null);
  const stored = definitionSchema.safeParse(survey.definition);
  return (
    stored.success &&
    withoutEnglish(stored.data) === withoutEnglish(definition) &&
    meta.slug === survey.slug &&
    meta.titlePl === survey.titlePl &&
    meta.descriptionPl === survey.descriptionPl &&
    meta.responseMode === survey.responseMode &&
    // A survey saved before the picker covers every commune (an empty list): the form cannot say so.
    (survey.communeIds.length === 0 || withoutEnglish(meta.communeIds) === withoutEnglish([...survey.communeIds].sort((a, b) => a - b))) &&
    time(meta.opensAt) === time(survey.opensAt) &&
    time(meta.closesAt) === time(survey.closesAt)
  );
}

const transitions = {
  publish: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
  archive: { from: ['closed', 'draft'], to: 'archived' },
} as const;
export type SurveyTransition = keyof typeof transitions;

/** Moves a survey along draft → open → closed → archived (a closed survey may be reopened). */
export async function changeSurveyStatus({ actor, id, transition }: { actor: CurrentUser; id: string; transition: SurveyTransition }) {
  ensure(canManageSurveys(actor));
  const step = transitions[transition];
  const changed = await db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, id);
    ensure(canManageSurvey(actor, survey));
    if (!(step.from as readonly string[]).includes(survey.status)) throw new AppError('conflict:survey_status');
    if (transition === 'publish') {
      // A definition saved before a rule was added must still pass today's rules to go live.
      if (!definitionSchema.safeParse(survey.definition).success) throw new AppError('conflict:survey_definition_invalid');
    }
    const now = new Date();
    await tx
      .update(surveys)
      .set({
        status: step.to,
        updatedAt: now,
        ...(step.to === 'open' ? { publishedAt: survey.publishedAt ?? now, closedAt: null } : {}),
        ...(step.to === 'closed' ? { closedAt: now } : {}),
      })
      .where(and(eq(surveys.id, id), eq(surveys.status, survey.status)));
    await recordAudit(tx, { actorId: actor.id, action: `survey.${transition}`, targetType: 'survey', targetId: id });
    return { id, status: step.to };
  });
  return changed;
}

/** Copies a survey into a new draft version (the way to change a survey that has responses). */
export async function copySurvey({ actor, id }: { actor: CurrentUser; id: string }) {
  ensure(canManageSurveys(actor));
  return db.transaction(async (tx) => {
    const source = await lockSurvey(tx, id);
    ensure(canManageSurvey(actor, source));
    const root = source.slug.replace(/-v\d+$/, '');
    const [latest] = await tx
      .select({ version: max(surveys.version) })
      .from(surveys)
      .where(sql`${surveys.slug} = ${root} or ${surveys.slug} ~ ${`^${root}-v[0-9]+$`}`);
    const version = (latest?.version ?? source.version) + 1;
    let slug = `${root}-v${version}`;
    while (await slugTaken(tx, slug)) slug = `${slug}-${randomInt(10, 99)}`;
    const [created] = await tx
      .insert(surveys)
      .values({
        slug,
        version,
        previousVersionId: source.id,
        status: 'draft',
        responseMode: source.responseMode,
        titlePl: source.titlePl,
        titleEn: source.titleEn,
        descriptionPl: source.descriptionPl,
        descriptionEn: source.descriptionEn,
        definition: source.definition,
        communeIds: source.communeIds,
        createdBy: actor.id,
      })
      .returning({ id: surveys.id, slug: surveys.slug });
    await recordAudit(tx, { actorId: actor.id, action: 'survey.copy', targetType: 'survey', targetId: created!.id, details: { from: id } });
    return created!;
  });
}

// Codes avoid letters and digits that people confuse on paper (0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Normalises what a resident types: case, spaces and a missing hyphen do not matter. */
export function normaliseCode(input: string): string {
  const bare = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}

/** Generates a batch of single-use invitation codes for an invitation-mode survey. */
export async function generateInvitationCodes({ actor, surveyId, count }: { actor: CurrentUser; surveyId: string; count: number }) {
  ensure(canManageInvitations(actor));
  return db.transaction(async (tx) => {
    const survey = await lockSurvey(tx, surveyId);
    ensure(canManageInvitations(actor, survey));
    if (survey.responseMode !== 'invitation') throw new AppError('conflict:survey_not_invitation');
    if (survey.status === 'archived' || survey.status === 'closed') throw new AppError('conflict:survey_status');
    const [last] = await tx
      .select({ batch: max(surveyInvitationCodes.batch) })
      .from(surveyInvitationCodes)
      .where(eq(surveyInvitationCodes.surveyId, surveyId));
    const batch = (last?.batch ?? 0) + 1;
    const codes = new Set<string>();
    while (codes.size < count) codes.add(newCode());
    // 31^8 ≈ 8.5e11 codes: a collision with an earlier batch is rare, and skipped rather than fatal.
    const inserted = await tx
      .insert(surveyInvitationCodes)
      .values([...codes].map((code) => ({ surveyId, code, batch, createdBy: actor.id })))
      .onConflictDoNothing()
      .returning({ code: surveyInvitationCodes.code });
    await recordAudit(tx, { actorId: actor.id, action: 'survey.codes', targetType: 'survey', targetId: surveyId, details: { batch, count: inserted.length } });
    return { batch, count: inserted.length };
  });
}

/** Is the survey taking responses now? Status open, and within its dates (it closes by itself). */
export function isAcceptingResponses(survey: { status: string; opensAt: Date | null; closesAt: Date | null }, now = new Date()): boolean {
  return survey.status === 'open' && (!survey.opensAt || survey.opensAt <= now) && (!survey.closesAt || survey.closesAt > now);
}

/** The communes a respondent may choose in this survey: its own list, or every active commune. */
export async function allowedCommuneIds(survey: { communeIds: number[] }): Promise<number[]> {
  const active = await db.select({ id: communes.id }).from(communes).where(eq(communes.active, true));
  const ids = active.map((c) => c.id);
  return survey.communeIds.length > 0 ? ids.filter((id) => survey.communeIds.includes(id)) : ids;
}

// Compiled response schemas by survey version and commune list: a pure cache (a survey's
// definition only changes with its updatedAt), so app instances stay interchangeable.
const compiledSchemas = new BoundedMap<string, ReturnType<typeof responseSchema>>(50);
function cachedResponseSchema(survey: { id: string; updatedAt: Date }, definition: SurveyDefinition, communeIds: number[]) {
  const key = `${survey.id}:${survey.updatedAt.getTime()}:${communeIds.join(',')}`;
  let schema = compiledSchemas.get(key);
  if (!schema) compiledSchemas.set(key, (schema = responseSchema(definition, { communeIds })));
  return schema;
}

export type SubmitOutcome = { status: 'stored' | 'duplicate' | 'ignored'; responseId: string; surveyId: string };

export interface SubmitContext {
  /** Who submits: null for a resident (anonymous), the operator for paper forms. */
  actor: CurrentUser | null;
  channel: 'online' | 'paper';
  /** The caller's address, only to key the rate limit (hashed, never stored). */
  clientAddress?: string;
  /** The submission id of an earlier response to this survey from this browser (a signed cookie). */
  previousSubmissionId?: string | null;
}

/**
 * Stores one response to a survey, or nothing. The payload is checked against the survey's own
 * schema (the one the browser used); any problem is a field error and nothing is written. The
 * submission id makes retries safe: a second arrival of the same id stores nothing and answers as
 * the first did. The response and all its answers (and a used invitation code) commit together.
 */
export async function submitResponse({ slug, payload, context }: { slug: string; payload: unknown; context: SubmitContext }): Promise<SubmitOutcome> {
  const { actor, channel } = context;
  if (channel === 'paper') {
    if (!actor) throw new AppError('unauthorized');
    ensure(canEnterPaper(actor));
  }
  const [survey] = await db.select().from(surveys).where(eq(surveys.slug, slug)).limit(1);
  if (!survey || survey.status === 'draft') throw new AppError('not_found:survey');
  const definition = survey.definition as SurveyDefinition;

  const parsed = cachedResponseSchema(survey, definition, await allowedCommuneIds(survey)).safeParse(payload);
  if (!parsed.success) throw new AppError('bad_request:form_invalid', { fieldErrors: zodFieldErrors(parsed.error) });
  const submission = parsed.data;
  // A commune's coordinator types in the forms of their own communes' residents only.
  if (channel === 'paper') ensure(canEnterPaper(actor, survey, submission.profile.communeId));

  const rows = answerRows(definition, submission.answers);
  return db.transaction(async (tx) => {
    // Copies of one submission (a resident retrying on a bad connection) queue here, one at a
    // time, so each later copy finds the stored response and is answered "already received"
    // before any quota is counted; different submissions do not wait for each other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${submission.submissionId}, 0))`);
    // A retry of a stored submission: answer as the first time, whatever happened since.
    const [existing] = await tx
      .select({ surveyId: surveyResponses.surveyId })
      .from(surveyResponses)
      .where(eq(surveyResponses.id, submission.submissionId))
      .limit(1);
    if (existing) {
      if (existing.surveyId !== survey.id) throw new AppError('conflict:submission');
      return { status: 'duplicate' as const, responseId: submission.submissionId, surveyId: survey.id };
    }
    if (!isAcceptingResponses(survey)) throw new AppError('conflict:survey_closed');
    // Bots fill the field people never see; they get a polite answer and nothing is stored.
    if (submission.website) return { status: 'ignored' as const, responseId: submission.submissionId, surveyId: survey.id };

    if (channel === 'online') {
      if (survey.responseMode === 'invitation') {
        if (!submission.code) throw fieldError('code', 'invitation_code_required');
      } else {
        if (context.previousSubmissionId && context.previousSubmissionId !== submission.submissionId) {
          throw new AppError('conflict:survey_already_answered');
        }
        // Counted in this transaction: a refused or failed submission gives its hit back.
        const limit = getEnv().SURVEY_SUBMISSIONS_PER_ADDRESS;
        const hit = await consumeRateLimit(`survey:${survey.id}:${keyedHash(context.clientAddress ?? 'unknown')}`, limit, 3600, tx);
        if (!hit.allowed) throw new AppError('rate_limited:survey');
      }
    }

    const { localityId } = submission.profile;
    if (localityId !== null) {
      const [locality] = await tx
        .select({ id: localities.id })
        .from(localities)
        .where(and(eq(localities.id, localityId), eq(localities.communeId, submission.profile.communeId)))
        .limit(1);
      if (!locality) throw fieldError('profile.localityId', 'locality_unknown');
    }
    const [inserted] = await tx
      .insert(surveyResponses)
      .values({
        id: submission.submissionId,
        surveyId: survey.id,
        communeId: submission.profile.communeId,
        localityId,
        ageGroup: submission.profile.ageGroup ?? null,
        respondentType: submission.profile.respondentType ?? null,
        channel,
        enteredBy: channel === 'paper' ? actor!.id : null,
        recordKey: randomInt(KEY_MODULUS),
      })
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    // Lost a race with a retry of itself: the other one stored it.
    if (!inserted) return { status: 'duplicate' as const, responseId: submission.submissionId, surveyId: survey.id };
    if (channel === 'online' && survey.responseMode === 'invitation') {
      const used = await tx
        .update(surveyInvitationCodes)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(surveyInvitationCodes.surveyId, survey.id),
            eq(surveyInvitationCodes.code, normaliseCode(submission.code!)),
            sql`${surveyInvitationCodes.usedAt} is null`,
          ),
        )
        .returning({ id: surveyInvitationCodes.id });
      if (used.length === 0) throw fieldError('code', 'invitation_code_invalid');
    }
    if (rows.length > 0) {
      await tx.insert(surveyAnswers).values(rows.map((r) => ({ ...r, responseId: submission.submissionId, surveyId: survey.id })));
    }
    await addResponseToAggregates(tx, { responseId: submission.submissionId });
    if (channel === 'online' && survey.responseMode === 'open_link') {
      await addResponseSource(tx, { surveyId: survey.id, communeId: submission.profile.communeId, clientAddress: context.clientAddress ?? 'unknown' });
    }
    return { status: 'stored' as const, responseId: submission.submissionId, surveyId: survey.id };
  });
}
