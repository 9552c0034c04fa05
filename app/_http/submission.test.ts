import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { surveyResponses } from '@/db/schema';
import { changeSurveyStatus, createSurvey } from '@/lib/surveys/mutations';
import { makePlaces, makeUser, smallSurveyForm, validPayload } from '@/lib/surveys/test-helpers';
import { handleSubmission } from './submission';

let places: Awaited<ReturnType<typeof makePlaces>>;

beforeAll(async () => {
  places = await makePlaces();
});

function post(slug: string, payload: unknown, address = '203.0.113.50') {
  return new Request(`http://127.0.0.1/s/${slug}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(payload),
  });
}

describe('a resident retrying on a bad connection', () => {
  it('50 identical submissions at once: one stored, the rest "already received", none over the quota', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const survey = await createSurvey({ actor: coordinator, input: smallSurveyForm('ponowienia-50', 'open_link', [places.communeA]) });
    await changeSurveyStatus({ actor: coordinator, id: survey.id, transition: 'publish' });
    const payload = validPayload(places.communeA);
    const answers = await Promise.all(Array.from({ length: 50 }, () => handleSubmission(post(survey.slug, payload), survey.slug, 'online')));
    const statuses = answers.map((a) => a.status);
    const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ status?: string; message?: string }>));
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(bodies.filter((b) => b.status === 'duplicate')).toHaveLength(49);
    const [stored] = await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id));
    expect(stored!.n).toBe(1);
    // The quota counted the one response, not the 49 retries: 29 other responses still fit in the hour.
    for (let i = 0; i < 29; i++) expect((await handleSubmission(post(survey.slug, validPayload(places.communeA)), survey.slug, 'online')).status).toBe(201);
    expect((await handleSubmission(post(survey.slug, validPayload(places.communeA)), survey.slug, 'online')).status).toBe(429);
  });
});
