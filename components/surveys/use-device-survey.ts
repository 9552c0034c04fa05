'use client';

import { useEffect, useMemo, useState } from 'react';
import { oneAtATime } from '@/lib/surveys/device/one-at-a-time';
import { flushOutbox, sendOnce, submitFromDevice, type Attempt, type SubmitBody } from '@/lib/surveys/device/send';
import { clearDraft, forgetReceipt, loadDraft, queuedSubmissions, saveDraft, sentReceipt, type DeviceStorage, type Receipt, type SavedDraft } from '@/lib/surveys/device/store';

// The questionnaire's life on the respondent's device, beside the form (which owns the draft): the
// draft kept as answers are given (after consent; the form calls `keep`), the offer to resume it
// (`restore` puts a draft back in the form), sending through the outbox (a completed questionnaire
// with no signal waits on the phone and goes when the signal returns) and the receipt a returning
// respondent is shown. The storage rules are in lib/surveys/device.

/** What the device copy needs to know of a draft; the form's draft has more. */
export interface DeviceDraft {
  submissionId: string;
  consent: boolean;
  answers: Record<string, unknown>;
  step: number;
}

/** `restored`: found on the device when the page opened, not the result of anything done here. */
export type DeviceOutcome = (
  | { kind: 'filling' }
  /** Completed and kept on the device, waiting for a connection (or for the server). */
  | { kind: 'queued'; reason: 'offline' | 'server'; sending: boolean }
  /** The server has it: sent in this visit, or earlier (a returning respondent). */
  | { kind: 'sent'; receipt: Receipt; justNow: boolean }
  /** A queued questionnaire the server refused when it finally arrived (e.g. the survey closed). */
  | { kind: 'refused'; body: SubmitBody }
) & { restored?: true };

export type DeviceSend = Attempt & { queued: boolean };

/** How often a waiting questionnaire is tried again while the page is open and the phone says it is online. */
const RETRY_MS = 30_000;

function deviceStorage(): DeviceStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const waitingOnDevice = (storage: DeviceStorage, slug: string) => queuedSubmissions(storage, slug, Date.now()).length > 0;

const hasProgress = (d: DeviceDraft) => Object.keys(d.answers ?? {}).length > 0 || d.step > 0;

export function useDeviceSurvey<D extends DeviceDraft>({
  slug,
  version,
  mode,
  submitUrl,
  newDraft,
  restore,
  startsBlank = true,
}: {
  slug: string;
  version: string;
  mode: 'online' | 'paper' | 'preview';
  submitUrl: string;
  /** A blank questionnaire with a new submission id. */
  newDraft: () => D;
  /** Puts a draft in the form: the kept one, or a blank one. Called once after hydration, and on the respondent's choices. */
  restore: (draft: D) => void;
  /**
   * Whether the form starts from a blank questionnaire. Not when the server rendered one already
   * under way (a step posted before the scripts ran): that one stays, nothing is offered over it.
   */
  startsBlank?: boolean;
}) {
  const [ready, setReady] = useState(false);
  const [offer, setOffer] = useState<SavedDraft<D> | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [storageOff, setStorageOff] = useState(false);
  const [online, setOnline] = useState(true);
  const [outcome, setOutcome] = useState<DeviceOutcome>({ kind: 'filling' });
  const key = { slug, version };
  const outbox = mode === 'online';

  /**
   * Tries every questionnaire waiting on the device; the outcome follows the last answer. One try
   * at a time, and an ask during a try makes one more after it (lib/surveys/device/one-at-a-time.ts).
   */
  const flush = useMemo(
    () =>
      oneAtATime(async () => {
        const storage = deviceStorage();
        if (!storage || !waitingOnDevice(storage, slug)) return;
        setOutcome((o) => (o.kind === 'queued' ? { ...o, sending: true } : o));
        const results = await flushOutbox(storage, (u, i) => fetch(u, i), submitUrl, slug, Date.now);
        const last = results.at(-1)?.result;
        if (!last) return;
        if (last.kind === 'waiting') setOutcome({ kind: 'queued', reason: last.reason, sending: false });
        else if (last.kind === 'sent') setOutcome({ kind: 'sent', receipt: last.receipt, justNow: true });
        else setOutcome({ kind: 'refused', body: last.body });
      }),
    [slug, submitUrl],
  );

  // After hydration (the device's storage exists only in the browser): the receipt, the outbox and
  // the draft kept from an earlier visit.
  useEffect(() => {
    const storage = deviceStorage();
    const fresh = newDraft();
    const now = Date.now();
    let kept: SavedDraft<D> | null = null;
    let start: DeviceOutcome = { kind: 'filling' };
    let waiting = false;
    if (storage) {
      if (outbox) {
        const receipt = sentReceipt(storage, slug, now);
        waiting = queuedSubmissions(storage, slug, now).length > 0;
        if (waiting) start = { kind: 'queued', reason: navigator.onLine ? 'server' : 'offline', sending: false, restored: true };
        else if (receipt) start = { kind: 'sent', receipt, justNow: false, restored: true };
      }
      kept = loadDraft<D>(storage, mode, { slug, version }, now);
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the device's storage exists only after hydration
    setOutcome(start);
    if (waiting) void flush();
    setStorageOff(!storage);
    setOnline(navigator.onLine);
    if (startsBlank) {
      if (kept && hasProgress(kept.draft)) setOffer(kept);
      // A fresh questionnaire gets its submission id here, in the browser: a page the worker kept
      // would otherwise hand every later visit the id it was rendered with.
      restore(kept && !hasProgress(kept.draft) ? { ...fresh, ...kept.draft } : fresh);
    }
    setReady(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per questionnaire, not per render's callbacks
  }, [slug, version, mode]);

  /**
   * Writes the form's draft to the device (the form calls it on every change) — for a resident
   * only once they consented, and never before the device was read or while the earlier draft
   * waits for "continue / start again" (a blank one would replace it).
   */
  function keep(draft: D) {
    if (!ready || offer || outcome.kind !== 'filling') return;
    const storage = deviceStorage();
    if (!storage) return;
    if (mode === 'online' && !draft.consent) {
      clearDraft(storage, mode, key);
      if (savedAt !== null) setSavedAt(null);
      return;
    }
    const now = Date.now();
    if (saveDraft(storage, mode, key, draft, now)) setSavedAt(now);
    else setStorageOff(true);
  }

  // The signal comes back, the page is looked at again, or some time passed: try the outbox.
  useEffect(() => {
    const onOnline = () => {
      setOnline(true);
      void flush();
    };
    const onOffline = () => setOnline(false);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void flush();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    const timer = outcome.kind === 'queued' ? window.setInterval(() => navigator.onLine && void flush(), RETRY_MS) : undefined;
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [flush, outcome.kind]);

  /**
   * Sends the completed questionnaire. A resident's goes through the outbox: with no connection it
   * stays on the device (`queued`) and the outcome shows it waiting; an operator's paper form is
   * sent directly (they see any problem at once).
   */
  async function send(payload: { submissionId: string }): Promise<DeviceSend> {
    const storage = deviceStorage();
    if (!outbox || !storage) {
      const attempt = await sendOnce((u, i) => fetch(u, i), submitUrl, payload);
      if (attempt.kind === 'sent' && storage) clearDraft(storage, mode, key);
      return { ...attempt, queued: false };
    }
    const result = await submitFromDevice(storage, (u, i) => fetch(u, i), submitUrl, slug, { submissionId: payload.submissionId, payload }, Date.now);
    if (result.kind === 'sent') {
      setOutcome({ kind: 'sent', receipt: result.receipt, justNow: true });
      return { kind: 'sent', queued: false };
    }
    if (result.kind === 'waiting') {
      if (result.kept) setOutcome({ kind: 'queued', reason: result.reason, sending: false });
      return { kind: 'waiting', reason: result.reason, queued: result.kept };
    }
    return { kind: 'refused', body: result.body, queued: false };
  }

  /** The draft kept from before, as it was. */
  function resume() {
    if (offer) restore({ ...newDraft(), ...offer.draft });
    setOffer(null);
  }

  /** A blank questionnaire; the kept one is deleted from the device. */
  function startOver() {
    const storage = deviceStorage();
    if (storage) clearDraft(storage, mode, key);
    restore(newDraft());
    setOffer(null);
  }

  /** Back to the form after a refusal (the draft is still on the device) or to fill another (invitation codes). */
  function backToForm() {
    const storage = deviceStorage();
    if (storage && outcome.kind === 'sent') forgetReceipt(storage, slug);
    const kept = storage ? loadDraft<D>(storage, mode, key, Date.now()) : null;
    restore(kept && outcome.kind === 'refused' ? { ...newDraft(), ...kept.draft } : newDraft());
    setOutcome({ kind: 'filling' });
  }

  return {
    /** The device was read (the form may show; before, the server's blank draft). */
    ready,
    keep,
    offer,
    resume,
    startOver,
    savedAt,
    storageOff,
    online,
    outcome,
    send,
    sendNow: () => void flush(),
    backToForm,
  };
}

export type DeviceSurvey<D extends DeviceDraft = DeviceDraft> = ReturnType<typeof useDeviceSurvey<D>>;
