import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { surveyResponses } from '@/db/schema';
import { flushOutbox, sendOnce, submitFromDevice, type Fetch } from '@/lib/surveys/device/send';
import { loadDraft, queuedSubmissions, saveDraft, sentReceipt } from '@/lib/surveys/device/store';
import { MemoryStorage } from '@/lib/surveys/device/test-storage';
import { changeSurveyStatus, createSurvey } from '@/lib/surveys/mutations';
import { makePlaces, makeUser, smallSurveyForm, validPayload } from '@/lib/surveys/test-helpers';
import { handleSubmission } from './submission';

// The phone's outbox against the real submit route and database: a questionnaire completed with
// no signal waits on the device, goes when the signal returns and is stored once, however many
// times the phone sends it.

let places: Awaited<ReturnType<typeof makePlaces>>;
beforeAll(async () => {
  places = await makePlaces();
});

async function openSurvey(slug: string) {
  const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
  const survey = await createSurvey({ actor: coordinator, input: smallSurveyForm(slug, 'open_link', [places.communeA]) });
  await changeSurveyStatus({ actor: coordinator, id: survey.id, transition: 'publish' });
  return survey;
}

/** The network as the phone sees it: down (fetch throws, as a browser's does offline) or up to the route. */
function network(slug: string) {
  const state = { up: false, cookie: '', posts: 0 };
  const fetchFn: Fetch = async (url, init) => {
    if (!state.up) throw new TypeError('Failed to fetch');
    state.posts++;
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', '203.0.113.77');
    if (state.cookie) headers.set('cookie', state.cookie);
    const response = await handleSubmission(new Request(`http://127.0.0.1${url}`, { ...init, headers }), slug, 'online');
    // The browser keeps the "already answered" cookie the route sets, as a phone would.
    const set = response.headers.get('set-cookie');
    if (set) state.cookie = set.split(';')[0]!;
    return response;
  };
  return { state, fetchFn };
}

const stored = async (surveyId: string) => (await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId)))[0]!.n;

describe('a questionnaire completed on a phone without signal', () => {
  it('waits on the device, is sent when the signal returns, and is stored once', async () => {
    const survey = await openSurvey('telefon-offline');
    const storage = new MemoryStorage();
    const { state, fetchFn } = network(survey.slug);
    const url = `/s/${survey.slug}/submit`;
    const payload = validPayload(places.communeA);
    const key = { slug: survey.slug, version: 'v1' };
    saveDraft(storage, 'online', key, { submissionId: payload.submissionId, answers: payload.answers }, Date.now());

    const offline = await submitFromDevice(storage, fetchFn, url, survey.slug, { submissionId: payload.submissionId, payload }, Date.now);
    expect(offline).toMatchObject({ kind: 'waiting', reason: 'offline', kept: true });
    expect(queuedSubmissions(storage, survey.slug, Date.now())).toHaveLength(1);
    expect(await stored(survey.id)).toBe(0);

    // Still no signal: it stays.
    expect((await flushOutbox(storage, fetchFn, url, survey.slug, Date.now)).map((r) => r.result.kind)).toEqual(['waiting']);

    state.up = true;
    const [sent] = await flushOutbox(storage, fetchFn, url, survey.slug, Date.now);
    expect(sent!.result.kind).toBe('sent');
    expect(await stored(survey.id)).toBe(1);
    // The answers left the phone; the receipt stayed.
    expect(queuedSubmissions(storage, survey.slug, Date.now())).toEqual([]);
    expect(loadDraft(storage, 'online', key, Date.now())).toBeNull();
    expect(sentReceipt(storage, survey.slug, Date.now())?.submissionId).toBe(payload.submissionId);
    expect(storage.keys()).toEqual([`agora-survey:sent:${survey.slug}`]);
  });

  it('an answer lost on the way back: the phone sends again, the server keeps one', async () => {
    const survey = await openSurvey('telefon-zgubiona-odpowiedz');
    const storage = new MemoryStorage();
    const { state, fetchFn } = network(survey.slug);
    state.up = true;
    const url = `/s/${survey.slug}/submit`;
    const payload = validPayload(places.communeA);
    // The request arrives and is stored, but the signal drops before the answer reaches the phone.
    const losing: Fetch = async (u, init) => {
      await fetchFn(u, init);
      throw new TypeError('Failed to fetch');
    };
    expect((await submitFromDevice(storage, losing, url, survey.slug, { submissionId: payload.submissionId, payload }, Date.now)).kind).toBe('waiting');
    expect(await stored(survey.id)).toBe(1);

    const [again] = await flushOutbox(storage, fetchFn, url, survey.slug, Date.now);
    expect(again!.result.kind).toBe('sent');
    expect(state.posts).toBe(2);
    expect(await stored(survey.id)).toBe(1);
    expect(queuedSubmissions(storage, survey.slug, Date.now())).toEqual([]);
  });

  it('a refusal (an invalid answer) leaves the outbox and goes back to the form with its field errors', async () => {
    const survey = await openSurvey('telefon-odmowa');
    const storage = new MemoryStorage();
    const { state, fetchFn } = network(survey.slug);
    state.up = true;
    const payload = { ...validPayload(places.communeA), consent: false };
    const result = await submitFromDevice(storage, fetchFn, `/s/${survey.slug}/submit`, survey.slug, { submissionId: payload.submissionId, payload }, Date.now);
    expect(result.kind).toBe('refused');
    expect(result.kind === 'refused' && Object.keys(result.body.fieldErrors ?? {})).toContain('consent');
    expect(queuedSubmissions(storage, survey.slug, Date.now())).toEqual([]);
    expect(await stored(survey.id)).toBe(0);
  });

  it('a server in trouble or a captive portal answering HTML: the questionnaire waits, it is not refused', async () => {
    const html: Fetch = async () => new Response('<html>Zaloguj się do sieci Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const down: Fetch = async () => Response.json({ message: 'unavailable' }, { status: 503 });
    expect(await sendOnce(html, '/s/x/submit', {})).toEqual({ kind: 'waiting', reason: 'server' });
    expect(await sendOnce(down, '/s/x/submit', {})).toEqual({ kind: 'waiting', reason: 'server' });
  });
});
