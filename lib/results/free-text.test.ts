import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, communes, resultsPublications, surveyAnswers } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { DEFAULT_DEFINITION } from '@/lib/surveys/default-questionnaire';
import { openResponseExport } from '@/lib/surveys/queries';
import { changeSurveyStatus, createSurvey, submitResponse } from '@/lib/surveys/mutations';
import { makeUser, thrown } from '@/tests/factories';
import { QUEUE_PAGE, getReviewQueue, listReviewedRemarks, reviewFreeText } from './free-text';
import { freeTextScope } from './permissions';
import { getOverview, getQuestionExplorer, getPriorities } from './queries';
import { reviewDecisionSchema } from './schema';

// The free-text review: who may review and read what, the state transitions, and that pending
// text is shown nowhere but the queue. Commune A has 6 responses, B 2 (fewer than k = 5), C 6;
// every response carries two remarks, so the queue holds 28 — more than one page.

let slug: string;
let surveyId: string;
let otherSlug: string;
let a: number;
let b: number;
let c: number;
let analyst: CurrentUser;
let coordinatorA: CurrentUser;
let coordinatorCounty: CurrentUser;
let moderator: CurrentUser;
let member: CurrentUser;
const remark = (commune: string, i: number) => `Uwaga ${commune}-${i}: autobus do szkoły jeździ za rzadko, dzwonić 600 100 ${String(i).padStart(3, '0')}.`;

function answers(i: number, commune: string) {
  const out: Record<string, unknown> = {};
  for (const s of DEFAULT_DEFINITION.sections) {
    for (const q of s.questions) {
      if (q.type === 'matrix') out[q.id] = Object.fromEntries(q.rows.map((r, j) => [r.value, ((i + j) % 5) + 1]));
      if (q.type === 'rating' && !q.condition) out[q.id] = (i % 5) + 1;
      if (q.type === 'multiple_choice') out[q.id] = [q.options[i % q.options.length]!.value];
      if (q.type === 'single_choice') out[q.id] = 'no';
      if (q.type === 'ranking') out[q.id] = q.items.slice(0, q.maxRanked).map((x) => x.value);
    }
  }
  out.edu_remark = remark(commune, i);
  out.transport_remark = `Transport ${commune}-${i}: brakuje chodnika przy drodze powiatowej.`;
  return out;
}

async function publishedSurvey(suffix: string, communeIds: number[], actor: CurrentUser) {
  const created = await createSurvey({
    actor,
    input: { meta: { slug: `uwagi-${suffix}`, titlePl: 'Uwagi', responseMode: 'open_link', communeIds, opensAt: null, closesAt: null }, definition: DEFAULT_DEFINITION },
  });
  await changeSurveyStatus({ actor, id: created.id, transition: 'publish' });
  return created;
}

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 6);
  const rows = await db
    .insert(communes)
    .values([
      { slug: `a-${suffix}`, name: `Gmina A ${suffix}`, kind: 'urban' },
      { slug: `b-${suffix}`, name: `Gmina B ${suffix}`, kind: 'rural' },
      { slug: `c-${suffix}`, name: `Gmina C ${suffix}`, kind: 'rural' },
    ])
    .returning({ id: communes.id });
  [a, b, c] = rows.map((r) => r.id) as [number, number, number];
  coordinatorCounty = await makeUser([{ role: 'coordinator', communeId: null }]);
  coordinatorA = await makeUser([{ role: 'coordinator', communeId: a }]);
  analyst = await makeUser([{ role: 'analyst', communeId: null }]);
  moderator = await makeUser([{ role: 'moderator', communeId: null }]);
  member = await makeUser([]);
  const created = await publishedSurvey(suffix, [a, b, c], coordinatorCounty);
  slug = created.slug;
  surveyId = created.id;
  await db.insert(resultsPublications).values({ surveyId }).onConflictDoNothing();
  otherSlug = (await publishedSurvey(`${suffix}-c`, [c], coordinatorCounty)).slug;
  const plan = [...Array<number>(6).fill(a), ...Array<number>(2).fill(b), ...Array<number>(6).fill(c)];
  let i = 0;
  for (const communeId of plan) {
    i++;
    const name = communeId === a ? 'A' : communeId === b ? 'B' : 'C';
    await submitResponse({
      slug,
      payload: { submissionId: randomUUID(), consent: true, profile: { communeId, localityId: null, ageGroup: '35_44', respondentType: 'resident' }, answers: answers(i, name) },
      context: { actor: null, channel: 'online', clientAddress: `10.2.0.${i}` },
    });
  }
}, 120_000);

const decide = (actor: CurrentUser | null, item: { responseId: string; questionId: string }, decision: 'publishable' | 'redact' | 'reject', text?: string) =>
  reviewFreeText({ actor, input: reviewDecisionSchema.parse({ surveyId, responseId: item.responseId, questionId: item.questionId, decision, text }) });

async function stored(item: { responseId: string; questionId: string }) {
  const [row] = await db
    .select({ text: surveyAnswers.text, reviewState: surveyAnswers.reviewState })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.responseId, item.responseId), eq(surveyAnswers.questionId, item.questionId)));
  return row!;
}

describe('who may review free text', () => {
  it('analysts reach every commune; a coordinator their own, in surveys open to it; nobody else', () => {
    const all = { status: 'open', communeIds: [] as number[] };
    expect(freeTextScope(analyst, all)).toBe('all');
    expect(freeTextScope(coordinatorCounty, all)).toBe('all');
    expect(freeTextScope(coordinatorA, all)).toEqual([a]);
    expect(freeTextScope(coordinatorA, { status: 'open', communeIds: [c] })).toBeNull();
    expect(freeTextScope(coordinatorA, { status: 'closed', communeIds: [a, c] })).toEqual([a]);
    expect(freeTextScope(analyst, { status: 'draft', communeIds: [] })).toBeNull();
    for (const nobody of [null, moderator, member]) expect(freeTextScope(nobody, all)).toBeNull();
  });

  it('refuses the public, members and moderators at the queue and the remarks view', async () => {
    expect((await thrown(getReviewQueue({ actor: null, slug }))).code).toBe('unauthorized');
    expect((await thrown(getReviewQueue({ actor: member, slug }))).code).toBe('forbidden');
    expect((await thrown(listReviewedRemarks({ actor: moderator, slug }))).code).toBe('forbidden');
    expect((await thrown(getReviewQueue({ actor: analyst, slug: 'no-such-survey' }))).code).toBe('not_found:survey');
  });

  it('refuses a coordinator of another commune', async () => {
    expect((await thrown(getReviewQueue({ actor: coordinatorA, slug: otherSlug }))).code).toBe('forbidden');
    expect((await thrown(listReviewedRemarks({ actor: coordinatorA, slug: otherSlug }))).code).toBe('forbidden');
    const queue = await getReviewQueue({ actor: analyst, slug });
    const fromC = queue.items.find((item) => item.communeName.startsWith('Gmina C'))!;
    expect((await thrown(decide(coordinatorA, fromC, 'publishable'))).code).toBe('forbidden');
    expect((await stored(fromC)).reviewState).toBeNull();
  });
});

describe('the review queue', () => {
  it('lists pending text oldest first, a page at a time, without repeats', async () => {
    const first = await getReviewQueue({ actor: analyst, slug });
    expect(first.counts).toEqual({ pending: 28, reviewed: 0 });
    expect(first.items).toHaveLength(QUEUE_PAGE);
    expect(first.items[0]!.text).toBe(remark('A', 1));
    const times = first.items.map((item) => item.submittedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const second = await getReviewQueue({ actor: analyst, slug, after: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => `${item.responseId}/${item.questionId}`);
    expect(new Set(ids).size).toBe(28);
    const eduOnly = await getReviewQueue({ actor: analyst, slug, questionId: 'edu_remark' });
    expect(eduOnly.items.every((item) => item.questionId === 'edu_remark')).toBe(true);
    expect(eduOnly.items).toHaveLength(14);
  });

  it('shows a commune coordinator only their commune', async () => {
    const queue = await getReviewQueue({ actor: coordinatorA, slug });
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((item) => item.communeName.startsWith('Gmina A'))).toBe(true);
    expect(queue.counts.pending + queue.counts.reviewed).toBe(12);
  });
});

describe('decisions', () => {
  it('publishable: leaves the queue, enters the remarks view, audited without the text', async () => {
    const queue = await getReviewQueue({ actor: analyst, slug, questionId: 'edu_remark' });
    const item = queue.items[0]!;
    expect(await decide(analyst, item, 'publishable')).toEqual({ changed: true });
    expect(await stored(item)).toEqual({ text: remark('A', 1), reviewState: 1 });
    const after = await getReviewQueue({ actor: analyst, slug, questionId: 'edu_remark' });
    expect(after.items.some((x) => x.responseId === item.responseId)).toBe(false);
    expect(after.counts.reviewed).toBe(1);
    const remarks = await listReviewedRemarks({ actor: coordinatorA, slug });
    expect(remarks.items.map((r) => r.text)).toEqual([remark('A', 1)]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, `${item.responseId}/edu_remark`));
    expect(entry).toMatchObject({ actorId: analyst.id, action: 'free_text.publishable', targetType: 'survey_answer' });
    expect(JSON.stringify(entry!.details)).not.toContain('600 100');
  });

  it('redact: the edited text replaces the original everywhere', async () => {
    const item = (await getReviewQueue({ actor: coordinatorA, slug, questionId: 'edu_remark' })).items[0]!;
    const edited = 'Autobus do szkoły jeździ za rzadko, dzwonić [usunięto].';
    await decide(coordinatorA, item, 'redact', edited);
    expect(await stored(item)).toEqual({ text: edited, reviewState: 2 });
    const remarks = await listReviewedRemarks({ actor: analyst, slug, questionId: 'edu_remark' });
    const shown = remarks.items.find((r) => r.text === edited)!;
    expect(shown.redacted).toBe(true);
    expect(JSON.stringify(remarks)).not.toContain(item.text);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, `${item.responseId}/edu_remark`));
    expect(JSON.stringify(entry)).not.toContain(item.text);
  });

  it('reject: the text is emptied and shown nowhere', async () => {
    const item = (await getReviewQueue({ actor: analyst, slug, questionId: 'edu_remark' })).items[0]!;
    await decide(analyst, item, 'reject');
    expect(await stored(item)).toEqual({ text: '', reviewState: 3 });
    const remarks = await listReviewedRemarks({ actor: analyst, slug });
    expect(remarks.items.some((r) => r.id === `${item.responseId}/edu_remark`)).toBe(false);
  });

  it('is idempotent, and a stale second review cannot clobber the first', async () => {
    const item = (await getReviewQueue({ actor: analyst, slug, questionId: 'transport_remark' })).items[0]!;
    await decide(analyst, item, 'redact', 'Brakuje chodnika.');
    expect(await decide(analyst, item, 'redact', 'Brakuje chodnika.')).toEqual({ changed: false });
    expect((await thrown(decide(coordinatorCounty, item, 'publishable'))).code).toBe('conflict:review');
    expect((await thrown(decide(coordinatorCounty, item, 'redact', 'Inna wersja.'))).code).toBe('conflict:review');
    expect((await thrown(decide(coordinatorCounty, item, 'reject'))).code).toBe('conflict:review');
    expect(await stored(item)).toEqual({ text: 'Brakuje chodnika.', reviewState: 2 });
    const entries = await db.select().from(auditLog).where(eq(auditLog.targetId, `${item.responseId}/transport_remark`));
    expect(entries).toHaveLength(1);
  });

  it('validates the decision: a redaction needs the edited text', () => {
    const base = { surveyId, responseId: randomUUID(), questionId: 'edu_remark' };
    expect(reviewDecisionSchema.safeParse({ ...base, decision: 'redact', text: '  ' }).error?.issues[0]?.message).toBe('review_text_required');
    expect(reviewDecisionSchema.safeParse({ ...base, decision: 'approve' }).success).toBe(false);
    expect(reviewDecisionSchema.safeParse({ ...base, questionId: 'x; drop', decision: 'reject' }).success).toBe(false);
  });

  it('refuses an answer that is not free text', async () => {
    const item = (await getReviewQueue({ actor: analyst, slug })).items[0]!;
    expect((await thrown(decide(analyst, { responseId: item.responseId, questionId: 'edu_importance' }, 'publishable'))).code).toBe('not_found:answer');
  });
});

describe('what the views show', () => {
  it('never shows pending text in the remarks view', async () => {
    const remarks = await listReviewedRemarks({ actor: analyst, slug });
    const pendingNow = await getReviewQueue({ actor: analyst, slug });
    const shown = new Set(remarks.items.map((r) => r.text));
    for (const item of pendingNow.items) expect(shown.has(item.text)).toBe(false);
  });

  it('hides remarks from a commune with fewer than k responses', async () => {
    const fromB = (await getReviewQueue({ actor: analyst, slug, questionId: 'edu_remark' })).items.find((x) => x.communeName.startsWith('Gmina B'))!;
    await decide(analyst, fromB, 'publishable');
    const all = await listReviewedRemarks({ actor: analyst, slug });
    expect(all.hidesSmall).toBe(true);
    expect(all.items.some((r) => r.text === fromB.text)).toBe(false);
    const onlyB = await listReviewedRemarks({ actor: analyst, slug, communeId: b });
    expect(onlyB).toMatchObject({ suppressed: true, items: [] });
  });

  it('keeps every text out of the public and the aggregate views', async () => {
    const texts = [remark('A', 1), remark('C', 9), 'Brakuje chodnika.'];
    const filters = { communeId: null, localityId: null, ageGroup: null, respondentType: null, channel: null };
    for (const actor of [null, analyst]) {
      const views = await Promise.all([
        getOverview({ actor, slug }),
        getPriorities({ actor, slug, communeId: null }),
        getQuestionExplorer({ actor, slug, questionId: null, filters, compareCommuneId: null }),
      ]);
      const json = JSON.stringify(views);
      for (const text of texts) expect(json).not.toContain(text);
      // A text question is not explorable at all.
      expect((await thrown(getQuestionExplorer({ actor, slug, questionId: 'edu_remark', filters, compareCommuneId: null }))).type).toBe('not_found');
    }
  });

  it('exports only reviewed text in the raw responses: pending and rejected cells are empty', async () => {
    const reviewed = await listReviewedRemarks({ actor: analyst, slug });
    const pendingNow = await getReviewQueue({ actor: analyst, slug });
    const { batches } = await openResponseExport({ actor: analyst, surveyId });
    const texts: string[] = [];
    for await (const batch of batches()) for (const r of batch) for (const answer of r.answers) if (answer.text !== null) texts.push(answer.text);
    for (const item of reviewed.items) expect(texts).toContain(item.text);
    for (const item of pendingNow.items) expect(texts).not.toContain(item.text);
    expect(texts).not.toContain('');
  });

  it('a commune coordinator exports only the responses from their commune', async () => {
    const communesIn = async (actor: CurrentUser) => {
      const { batches } = await openResponseExport({ actor, surveyId });
      const seen: number[] = [];
      for await (const batch of batches()) for (const r of batch) seen.push(r.communeId);
      return seen;
    };
    const own = await communesIn(coordinatorA);
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own)).toEqual(new Set([a]));
    expect(new Set(await communesIn(analyst))).toEqual(new Set([a, b, c]));
  });
});
