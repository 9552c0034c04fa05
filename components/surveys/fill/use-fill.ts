'use client';

import { useEffect, useRef, useState } from 'react';
import type { AnswerValue } from '@/lib/surveys/questions';
import type { SurveyDefinition } from '@/lib/surveys/definition';
import { firstStepOf, freshState, newDraft, payloadOf, stepLayout, withAnswer, withoutError, type Draft, type Errors, type FillState, type Profile } from '@/lib/surveys/steps';

// THE state of the resident's questionnaire in the browser, in one place: the draft (answers,
// profile, consent, step, submission id), the step's errors, a message, whether it was sent. The
// page renders from it; everything that changes it goes through the functions returned here.
// Other modules (keeping answers on the device, an offline queue) hook in through `replace`,
// `onChange` and `send` rather than reaching into the form.

/** What sending the finished questionnaire came to. */
export type SendResult =
  | { kind: 'stored' }
  | { kind: 'refused'; fieldErrors: Record<string, string[]>; message?: string }
  | { kind: 'failed'; message: string };

/** The default sender: the questionnaire as JSON to the survey's submit route. */
export async function sendJson(url: string, payload: unknown): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  } catch {
    return { kind: 'failed', message: 'survey_offline' };
  }
  const body = (await response.json().catch(() => null)) as { status?: string; message?: string; fieldErrors?: Record<string, string[]> } | null;
  if (response.ok && body?.status) return { kind: 'stored' };
  if (body?.fieldErrors && Object.keys(body.fieldErrors).length > 0) return { kind: 'refused', fieldErrors: body.fieldErrors, message: body.message };
  return { kind: 'failed', message: body?.message && body.message !== 'unexpected' ? body.message : 'survey_server_error' };
}

export interface FillOptions {
  definition: SurveyDefinition;
  communeIds: number[];
  invitation: boolean;
  submitUrl: string;
  /** The state the server rendered (a fresh questionnaire, or where a no-JavaScript POST left it). */
  initial: FillState;
  /** Called after every change of the state (e.g. to keep the draft on the device). */
  onChange?: (state: FillState) => void;
  /** Replaces the default JSON POST (e.g. by a queue that sends when the connection returns). */
  send?: (payload: ReturnType<typeof payloadOf>) => Promise<SendResult>;
}

/** Where focus goes after the next render: the step's heading, the error summary or the message. */
export type FocusTarget = 'heading' | 'summary' | 'message' | null;

// The step checks need zod: loaded on first use, not with the page.
let checks: Promise<typeof import('@/lib/surveys/step-check') | null> | null = null;
export function loadChecks() {
  checks ??= import('@/lib/surveys/step-check').catch(() => {
    checks = null;
    return null;
  });
  return checks;
}

export function useFill(options: FillOptions) {
  const { definition } = options;
  const [state, setState] = useState<FillState>(options.initial);
  const [sending, setSending] = useState(false);
  const [focus, setFocus] = useState<{ target: FocusTarget; n: number }>({ target: null, n: 0 });
  const { reviewStep } = stepLayout(definition);
  const onChange = useRef(options.onChange);
  useEffect(() => {
    onChange.current = options.onChange;
  });
  useEffect(() => {
    onChange.current?.(state);
  }, [state]);

  const focusOn = (target: FocusTarget) => setFocus((f) => ({ target, n: f.n + 1 }));
  const update = (change: (d: Draft) => Draft) => setState((s) => ({ ...s, draft: change(s.draft) }));
  const clearError = (key: string) => setState((s) => (s.errors[key] ? { ...s, errors: withoutError(s.errors, key) } : s));

  /** Errors of a step by the shared schema; none when the checks cannot load (the server checks at the end). */
  async function check(draft: Draft, step: number): Promise<Errors> {
    const loaded = await loadChecks();
    return loaded ? loaded.stepErrors(definition, draft, step, { communeIds: options.communeIds, invitation: options.invitation }) : {};
  }

  function goTo(step: number) {
    setState((s) => ({ ...s, errors: {}, message: null, draft: { ...s.draft, step: Math.max(0, Math.min(step, reviewStep)) } }));
    focusOn('heading');
  }

  function showErrors(errors: Errors, step: number) {
    setState((s) => ({ ...s, errors, message: null, draft: { ...s.draft, step } }));
    focusOn('summary');
  }

  async function next() {
    const { draft } = state;
    const errors = await check(draft, draft.step);
    if (Object.keys(errors).length > 0) return showErrors(errors, draft.step);
    goTo(draft.step + 1);
  }

  async function submit(website = '') {
    const { draft } = state;
    const errors = await check(draft, reviewStep);
    if (Object.keys(errors).length > 0) return showErrors(errors, firstStepOf(definition, errors));
    setSending(true);
    setState((s) => ({ ...s, message: null }));
    const payload = payloadOf(definition, draft, { invitation: options.invitation, website });
    const result = await (options.send ?? ((p) => sendJson(options.submitUrl, p)))(payload);
    setSending(false);
    if (result.kind === 'stored') {
      setState((s) => ({ ...s, errors: {}, message: null, done: true }));
      return focusOn('heading');
    }
    if (result.kind === 'refused') {
      const mapped: Errors = {};
      for (const [k, v] of Object.entries(result.fieldErrors)) mapped[k.split('.').slice(0, 2).join('.')] = v[0]!;
      return showErrors(mapped, firstStepOf(definition, mapped));
    }
    setState((s) => ({ ...s, message: { tone: 'error', key: result.message } }));
    focusOn('message');
  }

  return {
    state,
    sending,
    focus,
    setAnswer(id: string, value: AnswerValue | undefined) {
      update((d) => withAnswer(d, id, value));
      clearError(`answers.${id}`);
    },
    setProfile(profile: Profile) {
      update((d) => ({ ...d, profile }));
    },
    setConsent(consent: boolean) {
      update((d) => ({ ...d, consent }));
      clearError('consent');
    },
    setCode(code: string) {
      update((d) => ({ ...d, code }));
      clearError('code');
    },
    goTo,
    next,
    submit,
    /** Puts a draft in place (one kept on the device), with an information message if given. */
    replace(draft: Draft, message?: string) {
      setState({ ...freshState(), draft: { ...newDraft(), ...draft }, message: message ? { tone: 'info', key: message } : null });
    },
  };
}

export type Fill = ReturnType<typeof useFill>;
