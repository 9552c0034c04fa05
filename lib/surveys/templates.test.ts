import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { communes, surveys } from '@/db/schema';
import { readDeployment, seedDeployment } from '@/db/seed/deployment';
import { thrown } from '@/tests/factories';
import type { CurrentUser } from '@/lib/auth/permissions';
import { localParts } from '@/lib/local-time';
import { allQuestions, definitionSchema } from './definition';
import { DEFAULT_DEFINITION } from './default-questionnaire';
import { changeSurveyStatus, createSurvey } from './mutations';
import { getSurveyForFilling } from './queries';
import { newSurveyParamsSchema, templateForm, templateSizes } from './templates';
import { makeUser } from './test-helpers';

// A production database starts with the deployment only (no demo survey): the diagnosis
// questionnaire reaches it as a template, which fills the builder's form; the draft saved from it
// goes through createSurvey like any other and can be opened.

let admin: CurrentUser;
const year = localParts(new Date()).year;

beforeAll(async () => {
  await seedDeployment(db, readDeployment());
  admin = await makeUser([{ role: 'admin', communeId: null }]);
});

describe('survey templates', () => {
  it('fill the form with the diagnosis questionnaire for the county, this year and every commune; the draft saves and opens as it is', async () => {
    const form = await templateForm({ actor: admin, key: 'diagnosis', firstSectionTitle: 'Część 1' });
    expect(form.meta.slug).toBe(`diagnoza-potrzeb-${year}`);
    expect(form.meta.titlePl).toBe(`Diagnoza potrzeb mieszkańców powiatu jasielskiego ${year}`);
    const active = await db.select({ id: communes.id }).from(communes).where(eq(communes.active, true));
    expect([...form.meta.communeIds].sort()).toEqual(active.map((c) => c.id).sort());
    const definition = definitionSchema.parse(form.definition);
    expect(allQuestions(definition).length).toBe(allQuestions(definitionSchema.parse(DEFAULT_DEFINITION)).length);
    expect(templateSizes().diagnosis).toEqual({ sections: definition.sections.length, questions: allQuestions(definition).length });

    const created = await createSurvey({ actor: admin, input: form });
    const [stored] = await db.select().from(surveys).where(eq(surveys.id, created.id));
    expect(stored).toMatchObject({ status: 'draft', slug: `diagnoza-potrzeb-${year}`, createdBy: admin.id });
    await changeSurveyStatus({ actor: admin, id: created.id, transition: 'publish' });
    const { accepting } = await getSurveyForFilling({ slug: created.slug });
    expect(accepting).toBe(true);

    // The next one suggests a free address.
    expect((await templateForm({ actor: admin, key: 'diagnosis', firstSectionTitle: 'Część 1' })).meta.slug).toBe(`diagnoza-potrzeb-${year}-2`);
  });

  it('give a commune coordinator only their commune, and the blank survey a named first section', async () => {
    const [commune] = await db.select({ id: communes.id }).from(communes).where(eq(communes.slug, 'krempna'));
    const coordinator = await makeUser([{ role: 'coordinator', communeId: commune!.id }]);
    expect((await templateForm({ actor: coordinator, key: 'diagnosis', firstSectionTitle: 'x' })).meta.communeIds).toEqual([commune!.id]);
    const blank = await templateForm({ actor: coordinator, key: 'blank', firstSectionTitle: 'Część 1' });
    expect(blank.meta).toMatchObject({ slug: '', titlePl: '', communeIds: [commune!.id] });
    expect(blank.definition.sections[0]!.title).toEqual({ pl: 'Część 1', en: '' });
  });

  it('are refused to those who may not build surveys, and an unknown template in the address shows the gallery', async () => {
    for (const role of ['operator', 'moderator'] as const) {
      const outsider = await makeUser([{ role, communeId: null }]);
      expect((await thrown(templateForm({ actor: outsider, key: 'diagnosis', firstSectionTitle: 'x' }))).code).toBe('forbidden');
    }
    expect((await thrown(templateForm({ actor: await makeUser(), key: 'blank', firstSectionTitle: 'x' }))).code).toBe('forbidden');
    expect(newSurveyParamsSchema.parse({ template: 'diagnosis' })).toEqual({ template: 'diagnosis' });
    expect(newSurveyParamsSchema.parse({ template: '../etc' })).toEqual({ template: undefined });
    expect(newSurveyParamsSchema.parse({})).toEqual({ template: undefined });
  });
});
