import { markSent, dropSubmission, queueSubmission, queuedSubmissions, type DeviceStorage, type QueuedSubmission, type Receipt } from './store';

// Sending a completed questionnaire from the device, and what the answer means for the copy kept
// there. The server stores a submission id once (lib/surveys/mutations.ts: a second copy is
// answered "duplicate"), so sending the same entry again after a lost answer is always safe.

/** The submit route's JSON answer (app/_http/submission.ts, app/_http/route-error.ts). */
export interface SubmitBody {
  status?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

export type SendResult =
  /** The server holds it (stored now, or earlier: a copy that had already arrived). */
  | { kind: 'sent'; receipt: Receipt }
  /** No connection, or the server could not take it now: it waits on the device. */
  | { kind: 'waiting'; reason: 'offline' | 'server' }
  /** The server looked at it and said no (a field error, the survey closed, already answered): back to the form. */
  | { kind: 'refused'; body: SubmitBody };

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Answers that mean "not now" rather than "no": the server or a proxy in front of it failing
 * (5xx), a timeout, the per-address limit. The entry stays queued and is tried again later.
 */
function isTemporary(ok: boolean, status: number, body: SubmitBody | null): boolean {
  return ok || status >= 500 || status === 408 || status === 429 || body === null;
}

/** What one attempt at sending means, the device copy aside (the paper form sends this way). */
export type Attempt = { kind: 'sent' } | { kind: 'waiting'; reason: 'offline' | 'server' } | { kind: 'refused'; body: SubmitBody };

/** One POST of a questionnaire's body to the submit route, and what its answer means. */
export async function sendOnce(fetchFn: Fetch, url: string, payload: unknown): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  } catch {
    return { kind: 'waiting', reason: 'offline' };
  }
  const body = (await response.json().catch(() => null)) as SubmitBody | null;
  if (response.ok && (body?.status === 'stored' || body?.status === 'duplicate')) return { kind: 'sent' };
  if (isTemporary(response.ok, response.status, body)) return { kind: 'waiting', reason: 'server' };
  return { kind: 'refused', body: body ?? {} };
}

/** One attempt at sending one queued submission; the device copy is updated to match the answer. */
export async function sendQueued(storage: DeviceStorage, fetchFn: Fetch, url: string, slug: string, entry: QueuedSubmission, now: () => number): Promise<SendResult> {
  const attempt = await sendOnce(fetchFn, url, entry.payload);
  if (attempt.kind === 'sent') return { kind: 'sent', receipt: markSent(storage, slug, entry.submissionId, now()) };
  if (attempt.kind === 'refused') dropSubmission(storage, slug, entry.submissionId, now());
  return attempt;
}

/**
 * Sends a completed questionnaire: it goes into the outbox first (so a closed tab or a dropped
 * signal mid-request loses nothing), then one attempt is made.
 */
export async function submitFromDevice(
  storage: DeviceStorage,
  fetchFn: Fetch,
  url: string,
  slug: string,
  entry: { submissionId: string; payload: unknown },
  now: () => number,
): Promise<SendResult & { kept: boolean }> {
  const kept = queueSubmission(storage, slug, entry, now());
  const queued: QueuedSubmission = { ...entry, queuedAt: now() };
  return { ...(await sendQueued(storage, fetchFn, url, slug, queued, now)), kept };
}

/**
 * Tries every questionnaire of this survey waiting on the device, oldest first; stops at the first
 * that cannot go now (no connection: the rest would fail alike). The results, in order.
 */
export async function flushOutbox(storage: DeviceStorage, fetchFn: Fetch, url: string, slug: string, now: () => number): Promise<{ entry: QueuedSubmission; result: SendResult }[]> {
  const results: { entry: QueuedSubmission; result: SendResult }[] = [];
  for (const entry of queuedSubmissions(storage, slug, now())) {
    const result = await sendQueued(storage, fetchFn, url, slug, entry, now);
    results.push({ entry, result });
    if (result.kind === 'waiting') break;
  }
  return results;
}
