import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { communes } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { DEFAULT_DEFINITION } from '@/lib/surveys/default-questionnaire';
import { definitionSchema } from '@/lib/surveys/definition';
import { changeSurveyStatus, createSurvey, submitResponse } from '@/lib/surveys/mutations';
import { makeUser } from '@/lib/surveys/test-helpers';
import { areasOf, priorityQuestionOf } from './compute';
import { getForumMonitoring } from './monitoring';
import { setResultsPublished } from './mutations';
import { getMatrix, getOverview, getPriorities, getQuestionExplorer, getServiceMatrix } from './queries';
import { random, randomAnswers } from './test-helpers';

// One cell, one figure (issue 13): for a fixed seed, every view that shows the same cell — or a
// figure computed from the same cells — shows the same number: the overview, the priorities, the
// question explorer, both matrices and forum monitoring, in each published commune and the county
// (the commune report is made of the same views). Two communes under k are published together.

const definition = definitionSchema.parse(DEFAULT_DEFINITION);
const none = { communeId: null, localityId: null, ageGroup: null, respondentType: null, channel: null };
let slug: string;
let ids: number[];
let analyst: CurrentUser;

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 6);
  ids = (
    await db
      .insert(communes)
      .values([30, 12, 7, 3, 2].map((_, i) => ({ slug: `spojna-${i}-${suffix}`, name: `Spójna ${i} ${suffix}`, kind: 'rural' as const })))
      .returning({ id: communes.id })
  ).map((r) => r.id);
  const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  analyst = await makeUser([{ role: 'analyst', communeId: null }]);
  const created = await createSurvey({
    actor: coordinator,
    input: { meta: { slug: `spojna-${suffix}`, titlePl: 'Spójność', responseMode: 'open_link', communeIds: ids, opensAt: null, closesAt: null }, definition: DEFAULT_DEFINITION },
  });
  await changeSurveyStatus({ actor: coordinator, id: created.id, transition: 'publish' });
  slug = created.slug;
  const rnd = random(2027);
  let n = 0;
  for (const [i, size] of [30, 12, 7, 3, 2].entries()) {
    for (let j = 0; j < size; j++) {
      await submitResponse({
        slug,
        payload: { submissionId: randomUUID(), consent: true, profile: { communeId: ids[i]!, localityId: null, ageGroup: '45_59', respondentType: 'resident' }, answers: randomAnswers(definition, rnd) },
        context: { actor: null, channel: 'online', clientAddress: `10.7.0.${++n}` },
      });
    }
  }
  await setResultsPublished({ actor: coordinator, surveyId: created.id, publish: true });
}, 120_000);

describe('the same cell gives the same figure in every view', () => {
  it('the small communes are published together, and the county is the sum of the groups', async () => {
    const overview = await getOverview({ actor: null, slug });
    expect(overview.others).toMatchObject({ communes: 2 });
    const shown = overview.communes.filter((c) => c.total !== null);
    expect(shown).toHaveLength(3);
    expect(overview.county.total).toBe(shown.reduce((s, c) => s + c.total!, 0) + overview.others!.total!);
  });

  it('respondents, option counts, first places and means agree across the overview, priorities, explorer, matrices and monitoring', async () => {
    const overview = await getOverview({ actor: null, slug });
    const ranking = priorityQuestionOf(definition)!;
    const areas = areasOf(definition);
    let compared = 0;
    for (const communeId of [null, ids[0]!, ids[1]!, ids[2]!]) {
      const [priorities, matrix] = await Promise.all([getPriorities({ actor: null, slug, communeId }), getMatrix({ actor: null, slug, communeId })]);
      const total = communeId === null ? overview.county.total : overview.communes.find((c) => c.id === communeId)!.total;
      expect(priorities.respondents).toBe(total);
      // The ranking's first places are the explorer's first column.
      const explorerRanking = await getQuestionExplorer({ actor: null, slug, questionId: ranking.id, filters: { ...none, communeId } });
      expect(explorerRanking.main!.respondents).toBe(total);
      for (const row of priorities.rows) {
        const line = explorerRanking.main!.rows.find((r) => r.key === row.item)!;
        expect(row.first).toBe(line.counts[0]);
        compared++;
      }
      for (const area of areas) {
        // "What needs improving" counts: the priorities page and the explorer.
        const explorerNeed = await getQuestionExplorer({ actor: null, slug, questionId: area.needQuestion!.id, filters: { ...none, communeId } });
        const improvements = priorities.improvements.find((i) => i.area === area.key)!;
        for (const option of improvements.options) {
          const i = explorerNeed.main!.columns.findIndex((c) => c.key === option.value);
          expect(option.count).toBe(explorerNeed.main!.rows[0]!.counts[i]);
          compared++;
        }
        // Satisfaction: heat map, matrix, forum monitoring; importance: matrix and priorities.
        const heat = communeId === null ? overview.heatCounty : overview.heat.find((h) => h.communeId === communeId)!.cells;
        const point = matrix.points.find((p) => p.area === area.key)!;
        const monitoring = await getForumMonitoring({ actor: null, slug, communeId, areaKey: area.key });
        expect(point.satisfaction).toBe(heat.find((c) => c.area === area.key)!.mean);
        expect(monitoring.residents.mean).toBe(point.satisfaction);
        expect(priorities.rows.find((r) => r.item === area.key || r.item === area.slug)?.importance ?? point.importance).toBe(point.importance);
        // The services matrix's proxy share is the improvement's share.
        const services = await getServiceMatrix({ actor: null, slug, communeId, areaKey: area.key });
        for (const p of services.points) {
          if (p.basis.kind !== 'need') continue;
          const option = improvements.options.find((o) => o.label.pl === (p.basis as { label: { pl: string } }).label.pl)!;
          expect(p.share).toBe(option.share);
          compared++;
        }
        compared += 3;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('an analyst sees the same figures as the public', async () => {
    for (const communeId of [null, ids[1]!]) {
      const [pub, staff] = await Promise.all([
        getQuestionExplorer({ actor: null, slug, questionId: null, filters: { ...none, communeId } }),
        getQuestionExplorer({ actor: analyst, slug, questionId: null, filters: { ...none, communeId } }),
      ]);
      expect(staff.main).toEqual(pub.main);
    }
  });
});
