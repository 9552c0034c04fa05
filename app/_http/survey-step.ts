import 'server-only';
import { asAppError } from '@/lib/errors';
import { clientAddress } from '@/lib/request';
import { readAnsweredToken } from '@/lib/surveys/answered';
import { readStep } from '@/lib/surveys/form-fields';
import { submitResponse } from '@/lib/surveys/mutations';
import { getSurveyForFilling } from '@/lib/surveys/queries';
import { parseDraft, stepErrors } from '@/lib/surveys/step-check';
import { visibleQuestionIds } from '@/lib/surveys/questions';
import { clampStep, firstStepOf, freshState, payloadOf, questionsOfStep, stepLayout, type FillState } from '@/lib/surveys/steps';
import { answeredCookieHeader, answeredCookieName, isSecureRequest, readCookie } from './submission';

// One step of the questionnaire posted by a browser without JavaScript (with it, the page moves
// between steps itself and sends the finished questionnaire to /s/<slug>/submit). The answers of
// earlier steps come back in the form's hidden "draft" field: nothing is kept on the server before
// the questionnaire is sent, and any server instance can take the next step. Everything is checked
// again when it is sent, so a hand-edited draft gains nothing.

/** Where a step leaves the questionnaire, and the "already answered" cookie once it was sent. */
export interface StepOutcome {
  state: FillState;
  setCookie?: string;
}

/** The button pressed: next, back, submit, or goto:<step> (the review's "change" links). */
function intentOf(formData: FormData): { kind: 'next' | 'back' | 'submit' } | { kind: 'goto'; step: number } {
  const raw = formData.get('intent');
  if (typeof raw === 'string' && raw.startsWith('goto:')) return { kind: 'goto', step: Number(raw.slice(5)) };
  return { kind: raw === 'back' || raw === 'submit' ? raw : 'next' };
}

/** One posted step of the survey `slug` (its page, pages/[site]/s/[slug].tsx, reads the form). */
export async function surveyStep(slug: string, formData: FormData, request: { url: string; headers: Headers }): Promise<StepOutcome> {
  const { survey, communes, accepting } = await getSurveyForFilling({ slug });
  const definition = survey.definition;
  const invitation = survey.responseMode === 'invitation';
  const posted = parseDraft(formData.get('draft'));
  const before = posted ?? freshState().draft;
  const draft = readStep(definition, { ...before, step: clampStep(definition, before.step) }, formData);
  const options = { communeIds: communes.map((c) => c.id), invitation };
  const intent = intentOf(formData);
  const { reviewStep } = stepLayout(definition);

  if (intent.kind === 'back') return { state: { ...freshState(), draft: { ...draft, step: Math.max(0, draft.step - 1) } } };
  if (intent.kind === 'goto') return { state: { ...freshState(), draft: { ...draft, step: clampStep(definition, intent.step) } } };
  if (intent.kind === 'next' || draft.step < reviewStep) {
    // An answer here showed a question of this same step (a condition): stay, so it can be answered.
    const shownBefore = visibleQuestionIds(definition, before.answers);
    const shownNow = visibleQuestionIds(definition, draft.answers);
    if (questionsOfStep(definition, draft.step).some((q) => shownNow.has(q.id) && !shownBefore.has(q.id))) {
      return { state: { draft, errors: {}, message: { tone: 'info', key: 'moreQuestions' }, done: false } };
    }
    const errors = stepErrors(definition, draft, draft.step, options);
    if (Object.keys(errors).length > 0) return { state: { draft, errors, message: null, done: false } };
    return { state: { ...freshState(), draft: { ...draft, step: Math.min(draft.step + 1, reviewStep) } } };
  }

  // The review's "send": every field again, then the same path as the page's JSON submit.
  const errors = stepErrors(definition, draft, reviewStep, options);
  if (Object.keys(errors).length > 0) return { state: { draft: { ...draft, step: firstStepOf(definition, errors) }, errors, message: null, done: false } };
  if (!accepting) return { state: { draft, errors: {}, message: { tone: 'error', key: 'conflict_survey_closed' }, done: false } };
  try {
    const website = formData.get('website');
    const outcome = await submitResponse({
      slug,
      payload: payloadOf(definition, draft, { invitation, website: typeof website === 'string' ? website : '' }),
      context: {
        actor: null,
        channel: 'online',
        clientAddress: clientAddress(request.headers),
        previousSubmissionId: readAnsweredToken(slug, readCookie(request.headers, answeredCookieName(slug))),
      },
    });
    const state: FillState = { draft, errors: {}, message: null, done: true };
    if (outcome.status === 'ignored') return { state };
    return { state, setCookie: answeredCookieHeader(slug, outcome.responseId, isSecureRequest(request.url, request.headers)) };
  } catch (error) {
    const known = asAppError(error);
    if (known?.fieldErrors) {
      const fieldErrors = Object.fromEntries(Object.entries(known.fieldErrors).map(([k, v]) => [k.split('.').slice(0, 2).join('.'), v[0]!]));
      return { state: { draft: { ...draft, step: firstStepOf(definition, fieldErrors) }, errors: fieldErrors, message: null, done: false } };
    }
    if (!known) console.error('[survey step] unexpected error', error);
    return { state: { draft, errors: {}, message: { tone: 'error', key: known && known.messageKey !== 'unexpected' ? known.messageKey : 'survey_server_error' }, done: false } };
  }
}
