// What a survey keeps on the respondent's own device (the browser's localStorage), so a reload, a
// closed tab or a lost signal loses nothing: the questionnaire in progress, the completed ones
// waiting for a connection (the outbox) and, once one was received, a receipt without answers.
// Plain functions over a Storage, so they run (and are tested) outside a browser too.
//
// Privacy (told to the respondent in the survey's information clause): nothing is kept before
// they consent; answers stay only until the server confirms it has them, or 30 days after the
// last change, or until "start again"; the receipt holds the response's random id and the time
// of sending, never an answer, and is forgotten after a year (as the server's cookie is).

export type DeviceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Which questionnaire: the survey's address and the version of its questions (surveyVersion). */
export interface SurveyKey {
  slug: string;
  version: string;
}

export interface SavedDraft<D> {
  savedAt: number;
  draft: D;
}

/** A completed questionnaire waiting to be sent: the exact body, with its submission id. */
export interface QueuedSubmission {
  submissionId: string;
  queuedAt: number;
  payload: unknown;
}

export interface Receipt {
  submissionId: string;
  sentAt: number;
}

const DAY = 24 * 60 * 60 * 1000;
/** How long answers not yet sent stay on the device after their last change. */
export const ANSWERS_KEPT_MS = 30 * DAY;
/** How long the device remembers that a response was received (the server's cookie lives as long). */
export const RECEIPT_KEPT_MS = 365 * DAY;

const PREFIX = 'agora-survey';
const draftKey = (mode: string, k: SurveyKey) => `${PREFIX}:draft:${mode}:${k.slug}:${k.version}`;
const outboxKey = (slug: string) => `${PREFIX}:outbox:${slug}`;
const receiptKey = (slug: string) => `${PREFIX}:sent:${slug}`;
/** Where the form kept its draft before versions (one per mode and survey), read once and moved. */
const legacyKey = (mode: string, slug: string) => `${PREFIX}:${mode}:${slug}`;

/**
 * A short fingerprint of a survey's questions (FNV-1a over its JSON): a draft made for other
 * questions is not offered back, since its answers may no longer fit.
 */
export function surveyVersion(definition: unknown): string {
  const text = JSON.stringify(definition) ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

// Storage can refuse (private mode, a full disk) or hold something we did not write: every read
// and write is guarded, and the form works on without the device copy.
function read<T>(storage: DeviceStorage, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(storage: DeviceStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function remove(storage: DeviceStorage, key: string) {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to remove, or storage is off: either way nothing stays.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The draft kept for this questionnaire, if any and still fresh; a stale one is deleted. */
export function loadDraft<D>(storage: DeviceStorage, mode: string, key: SurveyKey, now: number): SavedDraft<D> | null {
  const legacy = read<D>(storage, legacyKey(mode, key.slug));
  if (legacy !== null) {
    remove(storage, legacyKey(mode, key.slug));
    // A draft from before versions: its questions are unknown, so it is kept under this version
    // (the form shows each answer only where its question still exists), dated now.
    if (isObject(legacy) && !read(storage, draftKey(mode, key))) write(storage, draftKey(mode, key), { savedAt: now, draft: legacy });
  }
  const saved = read<SavedDraft<D>>(storage, draftKey(mode, key));
  if (!saved || !isObject(saved) || typeof saved.savedAt !== 'number' || !isObject(saved.draft)) {
    if (saved) remove(storage, draftKey(mode, key));
    return null;
  }
  if (now - saved.savedAt > ANSWERS_KEPT_MS) {
    remove(storage, draftKey(mode, key));
    return null;
  }
  return saved;
}

export function saveDraft<D>(storage: DeviceStorage, mode: string, key: SurveyKey, draft: D, now: number): boolean {
  return write(storage, draftKey(mode, key), { savedAt: now, draft } satisfies SavedDraft<D>);
}

export function clearDraft(storage: DeviceStorage, mode: string, key: SurveyKey) {
  remove(storage, draftKey(mode, key));
}

/** Completed questionnaires of this survey waiting to be sent, oldest first; stale ones dropped. */
export function queuedSubmissions(storage: DeviceStorage, slug: string, now: number): QueuedSubmission[] {
  const list = read<unknown>(storage, outboxKey(slug));
  if (!Array.isArray(list)) {
    if (list !== null) remove(storage, outboxKey(slug));
    return [];
  }
  const fresh = list.filter(
    (e): e is QueuedSubmission => isObject(e) && typeof e.submissionId === 'string' && typeof e.queuedAt === 'number' && now - e.queuedAt <= ANSWERS_KEPT_MS,
  );
  if (fresh.length !== list.length) writeOutbox(storage, slug, fresh);
  return fresh;
}

function writeOutbox(storage: DeviceStorage, slug: string, list: QueuedSubmission[]): boolean {
  if (list.length === 0) {
    remove(storage, outboxKey(slug));
    return true;
  }
  return write(storage, outboxKey(slug), list);
}

/**
 * Puts a completed questionnaire in the outbox (once per submission id: queuing the same one again
 * replaces it). False when the device refused to store it.
 */
export function queueSubmission(storage: DeviceStorage, slug: string, entry: { submissionId: string; payload: unknown }, now: number): boolean {
  const list = queuedSubmissions(storage, slug, now).filter((e) => e.submissionId !== entry.submissionId);
  return writeOutbox(storage, slug, [...list, { ...entry, queuedAt: now }]);
}

/** Takes a submission out of the outbox without a receipt (the server refused it: it goes back to the form). */
export function dropSubmission(storage: DeviceStorage, slug: string, submissionId: string, now: number) {
  writeOutbox(
    storage,
    slug,
    queuedSubmissions(storage, slug, now).filter((e) => e.submissionId !== submissionId),
  );
}

/**
 * The server confirmed it holds this response: its answers leave the device (the outbox entry and
 * any draft with this submission id, in every version and mode) and the receipt stays.
 */
export function markSent(storage: DeviceStorage, slug: string, submissionId: string, now: number): Receipt {
  dropSubmission(storage, slug, submissionId, now);
  for (const key of keysOf(storage)) {
    if (!key.startsWith(`${PREFIX}:draft:`) || !key.includes(`:${slug}:`)) continue;
    const saved = read<SavedDraft<{ submissionId?: unknown }>>(storage, key);
    if (saved && isObject(saved.draft) && saved.draft.submissionId === submissionId) remove(storage, key);
  }
  const receipt: Receipt = { submissionId, sentAt: now };
  write(storage, receiptKey(slug), receipt);
  return receipt;
}

/** The receipt of a response sent from this device to this survey, while it is kept. */
export function sentReceipt(storage: DeviceStorage, slug: string, now: number): Receipt | null {
  const receipt = read<Receipt>(storage, receiptKey(slug));
  if (!receipt || !isObject(receipt) || typeof receipt.submissionId !== 'string' || typeof receipt.sentAt !== 'number') {
    if (receipt) remove(storage, receiptKey(slug));
    return null;
  }
  if (now - receipt.sentAt > RECEIPT_KEPT_MS) {
    remove(storage, receiptKey(slug));
    return null;
  }
  return receipt;
}

/** Forgets the receipt (an invitation survey: the next person on this phone fills in with their own code). */
export function forgetReceipt(storage: DeviceStorage, slug: string) {
  remove(storage, receiptKey(slug));
}

function keysOf(storage: DeviceStorage): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key) keys.push(key);
    }
  } catch {
    // Storage is off: no keys.
  }
  return keys;
}
