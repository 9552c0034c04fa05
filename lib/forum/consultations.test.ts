import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { consultations, positions } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { addConsultationSummary, openConsultation, takePosition } from './consultation-mutations';
import { rateService } from './scorecard-mutations';
import { getConsultation } from './consultation-queries';
import { listCurrentScores, listScoreSeries } from './scorecard-queries';
import { quarterOf } from '@/lib/local-time';
import { TEST_CLOCK_HEADER } from '@/lib/test-clock';
import { requestHeaders } from '@/tests/next-headers';
import { openConsultationSchema } from './consultation-schema';
import { makeMember, makePlaces, makeUser, thrown } from './test-helpers';

let places: Awaited<ReturnType<typeof makePlaces>>;
let countyCoordinator: CurrentUser;
let communeCoordinator: CurrentUser;
let otherCoordinator: CurrentUser;

beforeAll(async () => {
  places = await makePlaces();
  countyCoordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  communeCoordinator = await makeUser([{ role: 'coordinator', communeId: places.communeId }]);
  otherCoordinator = await makeUser([{ role: 'coordinator', communeId: places.otherCommuneId }]);
});

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);

function open(actor: CurrentUser, communeId: number | null, deadline = inAWeek()) {
  return openConsultation({
    actor,
    title: 'Strategia usług publicznych – transport',
    body: 'Proponujemy nowe linie autobusowe do **Krempnej**.',
    communeId,
    deadline,
    serviceAreaIds: [places.areaIds[1]!],
  });
}

async function close(consultationId: number) {
  await db.update(consultations).set({ deadline: sql`now() - interval '1 second'` }).where(eq(consultations.id, consultationId));
}

describe('opening a consultation', () => {
  it('commune coordinators open for their commune, county coordinators for any scope; nobody else', async () => {
    await open(communeCoordinator, places.communeId);
    await open(countyCoordinator, null);
    await open(countyCoordinator, places.otherCommuneId);
    expect((await thrown(open(communeCoordinator, null))).code).toBe('forbidden');
    expect((await thrown(open(otherCoordinator, places.communeId))).code).toBe('forbidden');
    expect((await thrown(open(await makeMember(places.communeId), places.communeId))).code).toBe('forbidden');
    expect((await thrown(open(await makeUser([{ role: 'moderator', communeId: null }]), null))).code).toBe('forbidden');
  });

  it('refuses a deadline in the past', async () => {
    expect((await thrown(open(countyCoordinator, null, new Date(Date.now() - 1000)))).fieldErrors).toEqual({ deadline: ['deadline_past'] });
  });
});

describe('positions and the opinion', () => {
  it('members of the scope take and change positions until the deadline; then it closes by itself and shows the opinion', async () => {
    const { id } = await open(communeCoordinator, places.communeId);
    const village = await makeMember(places.communeId, 'locality', 'Sołtys Gąsówki');
    const ngo = await makeMember(places.communeId, 'ngo', 'Prezes Stowarzyszenia');
    const outsider = await makeMember(places.otherCommuneId, 'ngo');
    await takePosition({ actor: village, consultationId: id, position: 'opposes', justification: 'Za mało kursów.' });
    await takePosition({ actor: village, consultationId: id, position: 'supports_with_remarks', justification: 'Dobrze, ale więcej kursów w soboty.' });
    await takePosition({ actor: ngo, consultationId: id, position: 'supports', justification: 'Popieramy.' });
    expect((await thrown(takePosition({ actor: outsider, consultationId: id, position: 'supports', justification: 'Tak' }))).code).toBe('forbidden');
    expect((await thrown(takePosition({ actor: await makeUser(), consultationId: id, position: 'supports', justification: 'Tak' }))).code).toBe('forbidden');
    expect((await thrown(takePosition({ actor: communeCoordinator, consultationId: id, position: 'supports', justification: 'Tak' }))).code).toBe('forbidden');

    const openView = await getConsultation({ viewer: village, consultationId: id });
    expect(openView.consultation.closed).toBe(false);
    expect(openView.opinion).toBeNull();
    expect(openView.mine).toMatchObject({ position: 'supports_with_remarks' });
    expect(openView.total).toBe(2);
    expect(openView.consultation.bodyHtml).toContain('<strong>Krempnej</strong>');
    expect((await thrown(addConsultationSummary({ actor: communeCoordinator, consultationId: id, summary: 'Za wcześnie na podsumowanie.' }))).code).toBe('conflict:consultation_open');

    await close(id);
    expect((await thrown(takePosition({ actor: village, consultationId: id, position: 'opposes', justification: 'Zmieniam zdanie.' }))).code).toBe('conflict:consultation_closed');
    expect((await thrown(takePosition({ actor: await makeMember(places.communeId), consultationId: id, position: 'opposes', justification: 'Spóźniony.' }))).code).toBe('conflict:consultation_closed');
    const [kept] = await db.select().from(positions).where(eq(positions.userId, village.id));
    expect(kept!.position).toBe('supports_with_remarks');

    const closed = await getConsultation({ viewer: null, consultationId: id });
    expect(closed.consultation.closed).toBe(true);
    expect(closed.opinion!.byPosition).toEqual({ supports: 1, supports_with_remarks: 1 });
    expect(closed.opinion!.counts.map((c) => [c.representation, c.position, c.n])).toEqual([
      ['locality', 'supports_with_remarks', 1],
      ['ngo', 'supports', 1],
    ]);
    expect(closed.opinion!.justifications.map((j) => j.justification)).toContain('Dobrze, ale więcej kursów w soboty.');

    expect((await thrown(addConsultationSummary({ actor: otherCoordinator, consultationId: id, summary: 'Podsumowanie obce.' }))).code).toBe('forbidden');
    await addConsultationSummary({ actor: communeCoordinator, consultationId: id, summary: 'Forum popiera projekt z uwagami o kursach sobotnich.' });
    expect((await getConsultation({ viewer: null, consultationId: id })).consultation.summaryHtml).toContain('kursach sobotnich');
  });

  it('the end-to-end test clock (AGORA_TEST_CLOCK=1) moves the deadline check of one request, and only that', async () => {
    const { id } = await open(communeCoordinator, places.communeId, new Date(Date.now() + 3600_000));
    const member = await makeMember(places.communeId, 'locality');
    await takePosition({ actor: member, consultationId: id, position: 'supports', justification: 'Na razie tak.' });
    requestHeaders.set(TEST_CLOCK_HEADER, '3660');
    try {
      expect((await getConsultation({ viewer: null, consultationId: id })).consultation.closed).toBe(true);
      expect((await thrown(takePosition({ actor: member, consultationId: id, position: 'opposes', justification: 'Za późno.' }))).code).toBe('conflict:consultation_closed');
      await addConsultationSummary({ actor: communeCoordinator, consultationId: id, summary: 'Podsumowanie po terminie testowym.' });
      expect((await thrown(open(communeCoordinator, places.communeId, new Date(Date.now() + 3600_000)))).fieldErrors).toEqual({ deadline: ['deadline_past'] });
    } finally {
      requestHeaders.delete(TEST_CLOCK_HEADER);
    }
    expect((await getConsultation({ viewer: null, consultationId: id })).consultation.closed).toBe(false);
  });

  it('a county consultation takes positions from members of every commune', async () => {
    const { id } = await open(countyCoordinator, null);
    await takePosition({ actor: await makeMember(places.communeId), consultationId: id, position: 'abstains', justification: 'Brak zdania.' });
    await takePosition({ actor: await makeMember(places.otherCommuneId, 'business'), consultationId: id, position: 'opposes', justification: 'Za drogo.' });
    await close(id);
    const view = await getConsultation({ viewer: null, consultationId: id });
    expect(view.opinion!.counts).toHaveLength(2);
  });
});

describe('scorecards', () => {
  it('members rate each area of their own commune once per quarter; scores form a time series', async () => {
    const rater = await makeMember(places.communeId);
    const second = await makeMember(places.communeId, 'locality');
    const [education] = places.areaIds;
    const lastQuarter = new Date(Date.now() - 100 * 24 * 3600 * 1000);
    await rateService({ actor: rater, serviceAreaId: education!, score: 2, comment: 'Słabo', at: lastQuarter });
    await rateService({ actor: rater, serviceAreaId: education!, score: 4, comment: 'Lepiej' });
    await rateService({ actor: second, serviceAreaId: education!, score: 5, comment: '' });
    expect((await thrown(rateService({ actor: rater, serviceAreaId: education!, score: 3, comment: '' }))).code).toBe('conflict:already_rated');
    expect((await thrown(rateService({ actor: await makeUser(), serviceAreaId: education!, score: 3, comment: '' }))).code).toBe('forbidden:not_member');
    expect((await thrown(rateService({ actor: await makeUser([{ role: 'coordinator', communeId: null }]), serviceAreaId: education!, score: 3, comment: '' }))).code).toBe('forbidden:not_member');
    expect((await thrown(rateService({ actor: second, serviceAreaId: places.areaIds[1]!, score: 6, comment: '' }))).fieldErrors).toEqual({ score: ['score_range'] });

    const current = (await listCurrentScores()).find((s) => s.communeId === places.communeId && s.serviceAreaId === education);
    expect(current).toMatchObject({ score: 4.5, ratings: 2, quarter: quarterOf(new Date()) });
    const series = await listScoreSeries({ communeId: places.communeId });
    expect(series.map((s) => [s.quarter, s.score])).toEqual([
      [quarterOf(lastQuarter), 2],
      [quarterOf(new Date()), 4.5],
    ]);
  });
});

describe('consultation deadline (the form schema the action parses with)', () => {
  const form = (deadline: string) =>
    openConsultationSchema.safeParse({ title: 'Konsultacja w sprawie transportu', body: 'Treść konsultacji do zaopiniowania.', communeId: '', deadline, area_1: 'on' });
  const deadlineError = (deadline: string) => form(deadline).error?.issues.find((i) => i.path[0] === 'deadline')?.message;

  it('reads a datetime-local value as Warsaw time, summer and winter', () => {
    expect(form('2026-12-01T18:00').data?.deadline.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(form('2026-07-01T18:00').data?.deadline.toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });

  // The forum's old helper took 02:30 on 25 October as 01:30Z (the meetings' took 00:30Z), took
  // the skipped 02:30 of 29 March, and rolled 31 February over to 3 March. All are refused now.
  it('refuses a time the clocks skip, a time they repeat, and an impossible date, each with its message', () => {
    expect(deadlineError('2026-03-29T02:30')).toBe('time_nonexistent');
    expect(deadlineError('2027-03-28T02:00')).toBe('time_nonexistent');
    expect(deadlineError('2026-10-25T02:30')).toBe('time_ambiguous');
    expect(deadlineError('2027-10-31T02:59')).toBe('time_ambiguous');
    expect(deadlineError('2026-02-31T10:00')).toBe('datetime_invalid');
  });
});
