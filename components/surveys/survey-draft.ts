'use client';

import { useEffect, useState } from 'react';
import type { Answers } from '@/lib/surveys/definition';

// A questionnaire in progress, kept in localStorage as the resident goes, so a reload or a failed
// submit loses nothing. Shared by the form and its parts.

export interface Profile {
  communeId: string;
  localityId: string;
  ageGroup: string;
  respondentType: string;
}

export interface Draft {
  submissionId: string;
  consent: boolean;
  code: string;
  answers: Answers;
  profile: Profile;
  step: number;
}

/** Message keys by field ("answers.q1", "profile.communeId", "consent"). */
export type Errors = Record<string, string>;

const emptyProfile: Profile = { communeId: '', localityId: '', ageGroup: '', respondentType: '' };

/** A fresh questionnaire, with the submission id that makes a retried submit harmless. */
export function newDraft(): Draft {
  return { submissionId: crypto.randomUUID(), consent: false, code: '', answers: {}, profile: emptyProfile, step: 0 };
}

/** The id of a field's element, for the error summary's links. */
export const fieldId = (key: string) => `f-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * The draft under `storageKey`: restored after hydration (null until then; `onRestored` is called
 * when it held answers), saved on every change until the questionnaire is `done`.
 */
export function useSurveyDraft(storageKey: string, done: boolean, onRestored: () => void) {
  const [draft, setDraft] = useState<Draft | null>(null);
  // Restore after a reload; start a new questionnaire otherwise. Only in the browser, after hydration.
  useEffect(() => {
    let restored: Draft | null = null;
    try {
      const saved = localStorage.getItem(storageKey);
      if (saved) restored = { ...newDraft(), ...(JSON.parse(saved) as Draft) };
    } catch {
      restored = null;
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    setDraft(restored ?? newDraft());
    if (restored && Object.keys(restored.answers).length > 0) onRestored();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore once per questionnaire, not per render's callback
  }, [storageKey]);

  useEffect(() => {
    if (!draft || done) return;
    try {
      localStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // Private mode or a full disk: the form still works, it just won't survive a reload.
    }
  }, [draft, storageKey, done]);
  return [draft, setDraft] as const;
}
