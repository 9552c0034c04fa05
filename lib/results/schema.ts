import { z } from 'zod';
import { AGE_GROUPS, KEY_PATTERN, RESPONDENT_TYPES } from '@/lib/surveys/definition';

// Browser-safe schemas of the dashboards' query parameters (filters come from the URL).

const optionalId = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : Number(v)), z.int().positive().max(2_147_483_647).nullable()).catch(null);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(values).nullable()).catch(null);

export const explorerFiltersSchema = z.object({
  communeId: optionalId,
  localityId: optionalId,
  ageGroup: optionalEnum(AGE_GROUPS),
  respondentType: optionalEnum(RESPONDENT_TYPES),
  channel: optionalEnum(['online', 'paper'] as const),
});
export type ExplorerFilters = z.output<typeof explorerFiltersSchema>;

export const scopeSchema = z.object({ commune: optionalId });

/** A commune and, optionally, one service area (a section id of the survey): the matrix per service, forum monitoring. */
export const areaScopeSchema = scopeSchema.extend({
  area: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().regex(KEY_PATTERN).nullable()).catch(null),
});

export const publishSchema = z.object({ surveyId: z.uuid({ error: 'invalid' }), publish: z.enum(['1', '0']) });
