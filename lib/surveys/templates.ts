import 'server-only';
import * as z from 'zod';
import { now } from '@/lib/clock';
import { getCounty } from '@/lib/county';
import { localParts } from '@/lib/local-time';
import { listServiceAreas } from '@/lib/places/queries';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { allQuestions, definitionSchema, type SurveyDefinition } from './definition';
import { diagnosisDefinition, diagnosisTexts } from './default-questionnaire';
import { canManageSurveys } from './permissions';
import { freeSurveySlug, listCommunesForBuilder } from './queries';
import type { SurveyFormInput } from './schema';

// The templates a coordinator starts a survey from at /surveys/manage/new: the diagnosis
// questionnaire first (in every deployment, with the county's own words), then a blank survey. A
// template only fills the builder's form: nothing is stored until its author saves the draft,
// which goes through createSurvey like any other.

export const TEMPLATE_KEYS = ['diagnosis', 'blank'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** /surveys/manage/new?template=…: a key names a template; none (or a hand-edited one) shows the gallery. */
export const newSurveyParamsSchema = z.object({ template: z.enum(TEMPLATE_KEYS).optional().catch(undefined) });

/** The configured county's diagnosis questionnaire, as it would be stored. */
function diagnosis(): SurveyDefinition {
  return definitionSchema.parse(diagnosisDefinition(getCounty()));
}

/** What the gallery says of each template beside its name: how many sections and questions. */
export function templateSizes(): Record<TemplateKey, { sections: number; questions: number }> {
  const definition = diagnosis();
  return {
    diagnosis: { sections: definition.sections.length, questions: allQuestions(definition).length },
    blank: { sections: 1, questions: 1 },
  };
}

/**
 * The builder's starting form for a template, for this author: the diagnosis covers every commune
 * within their reach, is titled for the county and this year, and takes a free address; its
 * questions keep a service area only where the deployment has that area. `firstSectionTitle` is
 * the blank survey's section name in the author's language.
 */
export async function templateForm({ actor, key, firstSectionTitle }: { actor: CurrentUser; key: TemplateKey; firstSectionTitle: string }): Promise<SurveyFormInput> {
  ensure(canManageSurveys(actor));
  const communes = await listCommunesForBuilder({ actor });
  if (key === 'blank') {
    return {
      meta: { slug: '', titlePl: '', titleEn: '', descriptionPl: '', descriptionEn: '', responseMode: 'open_link', communeIds: communes.length === 1 ? [communes[0]!.id] : [], opensAt: null, closesAt: null },
      definition: {
        sections: [
          {
            id: 'section1',
            title: { pl: firstSectionTitle, en: '' },
            description: { pl: '', en: '' },
            questions: [
              { id: 'q1', type: 'single_choice', label: { pl: '', en: '' }, help: { pl: '', en: '' }, required: false, area: null, measure: 'other', condition: null, options: [{ value: 'opt1', label: { pl: '', en: '' } }, { value: 'opt2', label: { pl: '', en: '' } }] },
            ],
          },
        ],
      },
    };
  }
  const { year } = localParts(await now());
  const [areas, slug] = await Promise.all([listServiceAreas(), freeSurveySlug(`diagnoza-potrzeb-${year}`)]);
  const known = new Set(areas.map((a) => a.slug));
  const definition = diagnosis();
  return {
    meta: { slug, ...diagnosisTexts(getCounty(), year), responseMode: 'open_link', communeIds: communes.map((c) => c.id), opensAt: null, closesAt: null },
    definition: {
      ...definition,
      sections: definition.sections.map((section) => ({
        ...section,
        questions: section.questions.map((q) => (q.area && !known.has(q.area) ? { ...q, area: null } : q)),
      })),
    },
  };
}
