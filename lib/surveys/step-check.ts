import * as z from 'zod';
import { MAX_QUESTIONS, responseSchema, type SurveyDefinition } from './definition';
import { fieldsOfStep, payloadOf, type Draft, type Errors } from './steps';

// Checking a step with THE response schema (definition.ts), in the browser when the resident
// presses "Next" and on the server when the page works without JavaScript. Kept apart from the
// page's first script: zod loads only when a step is checked.

const schemas = new WeakMap<SurveyDefinition, Map<string, ReturnType<typeof responseSchema>>>();
function schemaOf(definition: SurveyDefinition, communeIds: number[]) {
  const key = communeIds.join(',');
  let byCommunes = schemas.get(definition);
  if (!byCommunes) schemas.set(definition, (byCommunes = new Map()));
  let schema = byCommunes.get(key);
  if (!schema) byCommunes.set(key, (schema = responseSchema(definition, { communeIds })));
  return schema;
}

/**
 * The errors of one step's fields (the first for each field), or of every field at the review.
 * An invitation survey asks for its code on the consent step.
 */
export function stepErrors(definition: SurveyDefinition, draft: Draft, step: number, options: { communeIds: number[]; invitation: boolean }): Errors {
  const found: Errors = {};
  const parsed = schemaOf(definition, options.communeIds).safeParse(payloadOf(definition, draft, { invitation: options.invitation }));
  const inStep = fieldsOfStep(definition, step);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.slice(0, 2).join('.');
      if (inStep(key) && !found[key]) found[key] = issue.message;
    }
  }
  if (options.invitation && inStep('code') && !draft.code.trim()) found.code = 'invitation_code_required';
  return found;
}

const profileField = z.string().max(20).catch('');
/** The draft a step's POST carries in its hidden field: shaped here, its answers checked by stepErrors. */
const draftSchema = z.object({
  submissionId: z.uuid(),
  consent: z.boolean().catch(false),
  code: z.string().max(40).catch(''),
  answers: z
    .record(z.string().max(60), z.unknown())
    .refine((a) => Object.keys(a).length <= MAX_QUESTIONS)
    .catch({}),
  profile: z.object({ communeId: profileField, localityId: profileField, ageGroup: profileField, respondentType: profileField }).catch({ communeId: '', localityId: '', ageGroup: '', respondentType: '' }),
  step: z.int().min(0).max(MAX_QUESTIONS).catch(0),
});

/** The posted draft, or null when it is missing or not one (a fresh questionnaire then starts). */
export function parseDraft(json: unknown): Draft | null {
  if (typeof json !== 'string' || json.length > 512 * 1024) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as Draft) : null;
  } catch {
    return null;
  }
}
