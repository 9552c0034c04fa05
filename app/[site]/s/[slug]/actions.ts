'use server';

import { cookies, headers } from 'next/headers';
import { answeredCookieName, answeredCookieOptions, isSecureRequest } from '@/app/_http/submission';
import { asAppError } from '@/lib/errors';
import { clientAddress } from '@/lib/request';
import { answeredToken, readAnsweredToken } from '@/lib/surveys/answered';
import { readStep } from '@/lib/surveys/form-fields';
import { submitResponse } from '@/lib/surveys/mutations';
import { getSurveyForFilling } from '@/lib/surveys/queries';
import { parseDraft, stepErrors } from '@/lib/surveys/step-check';
import { visibleQuestionIds } from '@/lib/surveys/questions';
import { clampStep, firstStepOf, freshState, payloadOf, questionsOfStep, stepLayout, type FillState } from '@/lib/surveys/steps';

// One step of the questionnaire posted by a browser without JavaScript (with it, the page moves
// between steps itself and sends the finished questionnaire to ./submit). The answers of earlier
// steps come back in the form's hidden "draft" field: nothing is kept on the server before the
// questionnaire is sent, and any server instance can take the next step. Everything is checked
// again when it is sent, so a hand-edited draft gains nothing.

/** The button pressed: next, back, submit, or goto:<step> (the review's "change" links). */
function intentOf(formData: FormData): { kind: 'next' | 'back' | 'submit' } | { kind: 'goto'; step: number } {
  const raw = formData.get('intent');
  if (typeof raw === 'string' && raw.startsWith('goto:')) return { kind: 'goto', step: Number(raw.slice(5)) };
  return { kind: raw === 'back' || raw === 'submit' ? raw : 'next' };
}

export async function surveyStepAction(previous: FillState, formData: FormData): Promise<FillState> {
  const slug = formData.get('slug');
  if (typeof slug !== 'string') return previous;
  const { survey, communes, accepting } = await getSurveyForFilling({ slug });
  const definition = survey.definition;
  const invitation = survey.responseMode === 'invitation';
  const posted = parseDraft(formData.get('draft'));
  const before = posted ?? freshState().draft;
  const draft = readStep(definition, { ...before, step: clampStep(definition, before.step) }, formData);
  const options = { communeIds: communes.map((c) => c.id), invitation };
  const intent = intentOf(formData);
  const { reviewStep } = stepLayout(definition);

  if (intent.kind === 'back') return { ...freshState(), draft: { ...draft, step: Math.max(0, draft.step - 1) } };
  if (intent.kind === 'goto') return { ...freshState(), draft: { ...draft, step: clampStep(definition, intent.step) } };
  if (intent.kind === 'next' || draft.step < reviewStep) {
    // An answer here showed a question of this same step (a condition): stay, so it can be answered.
    const shownBefore = visibleQuestionIds(definition, before.answers);
    const shownNow = visibleQuestionIds(definition, draft.answers);
    if (questionsOfStep(definition, draft.step).some((q) => shownNow.has(q.id) && !shownBefore.has(q.id))) {
      return { draft, errors: {}, message: { tone: 'info', key: 'moreQuestions' }, done: false };
    }
    const errors = stepErrors(definition, draft, draft.step, options);
    if (Object.keys(errors).length > 0) return { draft, errors, message: null, done: false };
    return { ...freshState(), draft: { ...draft, step: Math.min(draft.step + 1, reviewStep) } };
  }

  // The review's "send": every field again, then the same path as the page's JSON submit.
  const errors = stepErrors(definition, draft, reviewStep, options);
  if (Object.keys(errors).length > 0) return { draft: { ...draft, step: firstStepOf(definition, errors) }, errors, message: null, done: false };
  if (!accepting) return { draft, errors: {}, message: { tone: 'error', key: 'conflict_survey_closed' }, done: false };
  const jar = await cookies();
  const requestHeaders = await headers();
  try {
    const website = formData.get('website');
    const outcome = await submitResponse({
      slug,
      payload: payloadOf(definition, draft, { invitation, website: typeof website === 'string' ? website : '' }),
      context: {
        actor: null,
        channel: 'online',
        clientAddress: clientAddress(requestHeaders),
        previousSubmissionId: readAnsweredToken(slug, jar.get(answeredCookieName(slug))?.value ?? null),
      },
    });
    if (outcome.status !== 'ignored') {
      const secure = isSecureRequest(requestHeaders.get('origin') ?? 'http://localhost', requestHeaders);
      jar.set(answeredCookieName(slug), answeredToken(slug, outcome.responseId), answeredCookieOptions(slug, secure));
    }
    return { draft, errors: {}, message: null, done: true };
  } catch (error) {
    const known = asAppError(error);
    if (known?.fieldErrors) {
      const fieldErrors = Object.fromEntries(Object.entries(known.fieldErrors).map(([k, v]) => [k.split('.').slice(0, 2).join('.'), v[0]!]));
      return { draft: { ...draft, step: firstStepOf(definition, fieldErrors) }, errors: fieldErrors, message: null, done: false };
    }
    if (!known) console.error('[survey step] unexpected error', error);
    return { draft, errors: {}, message: { tone: 'error', key: known && known.messageKey !== 'unexpected' ? known.messageKey : 'survey_server_error' }, done: false };
  }
}
