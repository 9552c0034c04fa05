'use client';

import { newDraft, type Draft, type FillState } from '@/lib/surveys/steps';
import type { Fill } from './use-fill';

// Today's keeping of the draft in localStorage (as the form did before it was rendered on the
// server): restored once after hydration when the server sent a fresh questionnaire, saved on
// every change, dropped once sent. The on-device module of issue 19 takes its place through the
// same hooks (useFill's `replace` and `onChange`).

export function restoreKeptDraft(storageKey: string, fill: Fill) {
  try {
    const saved = localStorage.getItem(storageKey);
    if (!saved) return;
    const draft = { ...newDraft(), ...(JSON.parse(saved) as Draft) };
    if (Object.keys(draft.answers).length > 0 || draft.step > 0) fill.replace(draft, Object.keys(draft.answers).length > 0 ? 'restored' : undefined);
  } catch {
    // Private mode or a damaged entry: start afresh.
  }
}

export function keepDraft(storageKey: string, state: FillState) {
  try {
    if (state.done) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(state.draft));
  } catch {
    // Private mode or a full disk: the form still works, it just won't survive a reload.
  }
}
