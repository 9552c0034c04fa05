'use client';

import { useEffect, useState } from 'react';
import { newDraft, type Draft } from '@/lib/surveys/steps';

// A questionnaire in progress, kept in localStorage as the operator's and the preview's form goes
// (the resident's page: components/surveys/fill/). The types live in lib/surveys/steps.

export { fieldId, newDraft, type Draft, type Errors, type Profile } from '@/lib/surveys/steps';

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
