import { describe, expect, it } from 'vitest';
import deployment from '@/db/seed/deployment.json';
import { AREA_KEYS, DEFAULT_DEFINITION } from './default-questionnaire';

describe('the default questionnaire', () => {
  it('names each service area as the deployment does, in Polish and English', () => {
    for (const { key, slug } of AREA_KEYS) {
      const area = deployment.serviceAreas.find((a) => a.slug === slug);
      const section = DEFAULT_DEFINITION.sections.find((s) => s.id === key);
      expect(area, slug).toBeDefined();
      expect({ pl: section?.title.pl, en: section?.title.en }, slug).toEqual({ pl: area!.namePl, en: area!.nameEn });
    }
  });
});
