import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { communes, resultsPublications } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { DEFAULT_DEFINITION } from '@/lib/surveys/default-questionnaire';
import { changeSurveyStatus, createSurvey, submitResponse } from '@/lib/surveys/mutations';
import { makeUser } from '@/lib/surveys/test-helpers';
import { setResultsPublished } from './mutations';
import { getMatrix, getOverview, getPriorities, getQuestionExplorer, listResultSurveys } from './queries';
import { distributionTable, heatTable, improvementsCsvTable, matrixTable, prioritiesTable, responsesTable, timelineTable, toCsv, type TableSpec } from './tables';

// Protection in every view and every CSV: a commune with 2 responses, one with 6 and
// one with 25; and who sees what (public: published surveys only, no profile filters).

let slug: string;
let surveyId: string;
let big: number;
let small: number;
let mid: number;
let analyst: CurrentUser;
let coordinator: CurrentUser;
const K = 5;
const t = (key: string, values?: Record<string, string | number>) => (values ? `${key}:${JSON.stringify(values)}` : key);

function answers(i: number) {
  const a: Record<string, unknown> = {};
  for (const s of DEFAULT_DEFINITION.sections) {
    for (const q of s.questions) {
      if (q.type === 'matrix') a[q.id] = Object.fromEntries(q.rows.map((r, j) => [r.value, ((i + j) % 5) + 1]));
      if (q.type === 'rating' && !q.condition) a[q.id] = (i % 5) + 1;
      if (q.type === 'multiple_choice') a[q.id] = [q.options[i % q.options.length]!.value];
      if (q.type === 'single_choice') a[q.id] = 'no';
      if (q.type === 'ranking') a[q.id] = [...q.items.slice(i % 3), ...q.items.slice(0, i % 3)].slice(0, q.maxRanked).map((x) => x.value);
    }
  }
  return a;
}

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 6);
  const rows = await db
    .insert(communes)
    .values([
      { slug: `duza-${suffix}`, name: `Duża ${suffix}`, kind: 'urban' },
      { slug: `mala-${suffix}`, name: `Mała ${suffix}`, kind: 'rural' },
      { slug: `srednia-${suffix}`, name: `Średnia ${suffix}`, kind: 'rural' },
    ])
    .returning({ id: communes.id });
  [big, small, mid] = rows.map((r) => r.id) as [number, number, number];
  coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  analyst = await makeUser([{ role: 'analyst', communeId: null }]);
  const created = await createSurvey({
    actor: coordinator,
    input: { meta: { slug: `male-${suffix}`, titlePl: 'Małe grupy', responseMode: 'open_link', communeIds: [big, small, mid], opensAt: null, closesAt: null }, definition: DEFAULT_DEFINITION },
  });
  await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
  slug = created.slug;
  surveyId = created.id;
  // 25 in the big commune. Its answers to every matrix row fall into the same five sets of
  // respondents (row j's value is (i + j) % 5 + 1), so those sets' record keys decide every cell.
  // With 14 responses the sets held 2 or 3 each, and all five were published as 0 in about one
  // run in 65 (a Monte Carlo of perturbCount), which hid every mean of the commune and failed
  // this file. With 25, each set holds k = 5 and is never published under k.
  const plan = [...Array(25).fill(big), ...Array(2).fill(small), ...Array(6).fill(mid)] as number[];
  let i = 0;
  for (const communeId of plan) {
    i++;
    await submitResponse({
      slug,
      payload: { submissionId: randomUUID(), consent: true, profile: { communeId, localityId: null, ageGroup: i === 3 ? '75_plus' : '35_44', respondentType: 'resident' }, answers: answers(i) },
      context: { actor: null, channel: i % 4 === 0 ? 'online' : 'online', clientAddress: `10.1.0.${i}` },
    });
  }
}, 120_000);

/** The CSV's data rows with the suppression mark taken out: what numbers remain. */
const body = (csv: string) => csv.split('\r\n').slice(1).join('\n').replaceAll('<5', '');

/** No count of 1..k-1 anywhere in a table's count columns. */
function expectNoSmallCounts(table: TableSpec, countColumns: number[]) {
  for (const row of table.rows) for (const c of countColumns) if (typeof row[c] === 'number') expect(row[c] === 0 || (row[c] as number) >= K).toBe(true);
}

describe('protection in every view and CSV', () => {
  it('overview: the 2-response commune shows nothing and is in no total; no count under k anywhere', async () => {
    const d = await getOverview({ actor: analyst, slug });
    const smallRow = d.communes.find((c) => c.id === small)!;
    expect(smallRow).toMatchObject({ total: null, online: null, paper: null });
    // Alone under k, the pool of small communes is under k too: it is left out, and the county is the sum of the communes shown.
    expect(d.others).toBeNull();
    const shown = d.communes.filter((c) => c.total !== null);
    expect(shown.map((c) => c.id).sort()).toEqual([big, mid].sort());
    expect(d.county.total).toBe(shown.reduce((sum, c) => sum + c.total!, 0));
    expect(d.county.online).toBe(shown.reduce((sum, c) => sum + c.online!, 0));
    expect(d.heat.find((h) => h.communeId === small)!.cells.every((c) => c.mean === null)).toBe(true);
    expect(d.heat.find((h) => h.communeId === big)!.cells.every((c) => c.mean !== null)).toBe(true);
    const responses = responsesTable(d, t);
    expectNoSmallCounts(responses, [1, 2, 3]);
    const csv = toCsv(responses, '<5');
    expect(csv.split('\r\n').find((l) => l.startsWith('Mała'))).toMatch(/^Mała [^,]+,<5,<5,<5,<5$/);
    expectNoSmallCounts(timelineTable(d, t), [1]);
    expect(toCsv(heatTable(d, t, 'pl'), '<5').split('\r\n').find((l) => l.startsWith('Mała'))).toMatch(/^Mała [^,]+(,<5)+$/);
  });

  it('priorities, matrix and improvements of a commune under k show nothing', async () => {
    const p = await getPriorities({ actor: analyst, slug, communeId: small });
    expect(p.rankers).toBeNull();
    expect(p.respondents).toBeNull();
    expect(p.rows.every((r) => r.borda === null && r.first === null && r.firstShare === null && r.importance === null)).toBe(true);
    expect(p.improvements.every((a) => a.options.every((o) => o.count === null))).toBe(true);
    expect(toCsv(prioritiesTable(p, t, 'pl'), '<5')).not.toMatch(/,[1-4],/);
    expect(toCsv(improvementsCsvTable(p, t, 'pl'), '<5')).not.toMatch(/,[1-4](,|\r)/);
    const m = await getMatrix({ actor: analyst, slug, communeId: small });
    expect(m.points.every((x) => x.importance === null && x.satisfaction === null && x.quadrant === null)).toBe(true);
    expect(body(toCsv(matrixTable(m, t, 'pl'), '<5'))).not.toMatch(/\d/);
  });

  it('priorities of a commune just over k: every count is 0 or at least k, and the figures follow from them', async () => {
    const p = await getPriorities({ actor: analyst, slug, communeId: mid });
    // Six rankers over six areas: every first-place count is small, so each is published as 0 or
    // k; when all come out 0, no share can be given (but the counts are still the explorer's).
    const firsts = p.rows.map((r) => r.first!);
    for (const f of firsts) expect(f === 0 || f >= K).toBe(true);
    expect(p.rankers).toBe(firsts.reduce((sum, f) => sum + f, 0));
    for (const r of p.rows) expect(r.firstShare).toBe(p.rankers === 0 ? null : Math.round((r.first! / p.rankers!) * 1000) / 10);
    expectNoSmallCounts(improvementsCsvTable(p, t, 'pl'), [2]);
  });

  it('explorer: a filter isolating a small group shows nothing; rows add up to their totals; no count under k', async () => {
    const question = DEFAULT_DEFINITION.sections[0]!.questions[0]!.id;
    const none = { communeId: null, localityId: null, ageGroup: null, respondentType: null, channel: null };
    const old = await getQuestionExplorer({ actor: analyst, slug, questionId: question, filters: { ...none, ageGroup: '75_plus' } });
    expect(old.main!.respondents).toBeNull();
    expect(old.main!.rows.every((r) => r.counts.every((c) => c === null) && r.mean === null)).toBe(true);
    expect(body(toCsv(distributionTable(old.main!, 'x', { ranking: false, scale: true }, t, 'pl'), '<5'))).not.toMatch(/,\d/);
    const inSmall = await getQuestionExplorer({ actor: analyst, slug, questionId: question, filters: { ...none, communeId: small } });
    expect(inSmall.main!.respondents).toBeNull();
    const all = await getQuestionExplorer({ actor: analyst, slug, questionId: question, filters: none, compareCommuneId: small });
    expect(all.compare!.respondents).toBeNull();
    for (const row of all.main!.rows) {
      expect(row.total).toBe(row.counts.reduce((sum: number, c) => sum + c!, 0));
      for (const c of row.counts) expect(c === 0 || c! >= K).toBe(true);
    }
  });
});

describe('who sees what', () => {
  it('the public sees nothing until a coordinator publishes; analysts cannot publish', async () => {
    expect((await listResultSurveys({ actor: null })).some((s) => s.id === surveyId)).toBe(false);
    expect((await listResultSurveys({ actor: analyst })).some((s) => s.id === surveyId)).toBe(true);
    await expect(getPriorities({ actor: null, slug, communeId: null })).rejects.toMatchObject({ code: 'not_found:survey' });
    await expect(setResultsPublished({ actor: analyst, surveyId, publish: true })).rejects.toMatchObject({ code: 'forbidden' });
    await setResultsPublished({ actor: coordinator, surveyId, publish: true });
    expect((await listResultSurveys({ actor: null })).some((s) => s.id === surveyId)).toBe(true);
    await expect(getMatrix({ actor: null, slug, communeId: null })).resolves.toBeTruthy();
    await setResultsPublished({ actor: coordinator, surveyId, publish: false });
    expect(await db.select().from(resultsPublications)).toHaveLength(0);
    await expect(getMatrix({ actor: null, slug, communeId: null })).rejects.toMatchObject({ code: 'not_found:survey' });
  });

  it('a signed-in resident without a role is refused (403) on an unpublished survey', async () => {
    const resident = await makeUser([]);
    await expect(getOverview({ actor: resident, slug })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
