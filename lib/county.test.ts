import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { readDeployment, type County } from '@/db/seed/deployment';
import { countyValues } from './county';
import { LOCALES, type Locale } from './i18n/locales';
import { messages } from './i18n/messages';
import { renderMail } from './mail/render';
import { diagnosisDefinition, diagnosisTexts } from './surveys/default-questionnaire';

// The county's identity comes from the deployment file, not from the catalogue: every text that
// names the county, its office or its contacts is built from the file's values. Checked here with
// the real catalogue and both deployment files: the default (powiat jasielski) and a second,
// made-up county, whose texts must carry its own names and nothing of Jasło. The running pages
// are checked with the second file by e2e/fresh-deployment.spec.ts.

const JASLO = readDeployment('db/seed/deployment.json').county;
const EXAMPLE = readDeployment('db/seed/examples/powiat-przykladowy.json').county;
const JASLO_WORDS = /jas[łl]|jasiel|jaśl|rynek 18|38-200/i;

/** A tag in a message (a link, a statutory id) rendered as its text. */
const plain = (chunks: string) => chunks;
const MARKS = { mail: plain, contactMail: plain, contactTel: plain, entity: plain, person: plain, published: plain, updated: plain, prepared: plain };

/** Every text that names the county, as the header, footer, pages, survey and e-mails build it. */
function identityTexts(county: County, locale: Locale) {
  const t = createTranslator({ locale, messages: messages[locale] });
  const values = countyValues(county, locale);
  const rich = (key: string) => t.markup(key as never, { ...values, ...MARKS } as never);
  return {
    header: t('meta.tagline', values),
    meta: t('meta.description', values),
    footer: values.project ? t('footer.aboutProject', values) : t('footer.about', values),
    home: t('home.lead', values),
    calendar: t('meetings.lead', values),
    news: t('news.lead', values),
    feed: t('news.feedSubtitle', values),
    privacy: rich('privacy.controller'),
    accessibility: ['intro', 'published', 'updated', 'prepared', 'feedback', 'architecture'].map((key) => rich(`accessibility.${key}`)).join('\n'),
    survey: t('surveys.fill.rodo1', values),
  };
}

describe('the deployment files', () => {
  it('both pass the schema, and the example is another county with three communes', () => {
    expect(JASLO.name).toBe('Powiat jasielski');
    expect(EXAMPLE.name).toBe('Powiat przykładowy');
    expect(readDeployment('db/seed/examples/powiat-przykladowy.json').communes.map((c) => c.name)).toEqual(['Miasto Przykładów', 'Zielonka Dolna', 'Borowa Wola']);
  });
});

describe("the county's texts", () => {
  it.each(LOCALES)('name the example county, its office and contacts, and nothing of Jasło (%s)', (locale) => {
    const texts = identityTexts(EXAMPLE, locale);
    for (const [where, text] of Object.entries(texts)) expect(text, where).not.toMatch(JASLO_WORDS);
    const countyName = locale === 'pl' ? 'powiatu przykładowego' : 'Przykładów County';
    expect(texts.header).toContain(countyName);
    expect(texts.meta).toContain(countyName);
    expect(texts.footer).toContain(countyName);
    expect(texts.home).toContain(countyName);
    expect(texts.calendar).toContain('Przykładowska Agora');
    expect(texts.feed).toContain('Przykładowska Agora');
    const office = locale === 'pl' ? 'Starostwo Powiatowe w Przykładowie' : 'Przykładów County Office';
    expect(texts.privacy).toContain(`${office}, ul. Kościuszki 5, 12-345 Przykładów, e-mail: starostwo@przykladow.example.pl`);
    expect(texts.privacy).toContain('iod@przykladow.example.pl');
    expect(texts.survey).toContain(office);
    expect(texts.survey).toContain('iod@przykladow.example.pl');
    expect(texts.accessibility).toContain(`${office} `);
    for (const part of ['2027-01-15', '2027-03-01', '2027-02-20', '(Anna Przykładna)', 'dostepnosc@przykladow.example.pl', '+48 12 345 67 10', EXAMPLE.accessibility.architecture[locale]]) {
      expect(texts.accessibility).toContain(part);
    }
  });

  it('say for powiat jasielski what the catalogue said before it came from the file', () => {
    const pl = identityTexts(JASLO, 'pl');
    expect(pl.header).toBe('Forum obywatelskie i diagnoza potrzeb powiatu jasielskiego');
    expect(pl.footer).toMatch(/^Agora to platforma projektu „Jasielska Strefa Usług Publicznych”/);
    expect(pl.privacy).toBe('Administratorem danych jest Starostwo Powiatowe w Jaśle, ul. Rynek 18, 38-200 Jasło, e-mail: starostwo@powiat.jaslo.pl. Inspektor ochrony danych: iod@powiat.jaslo.pl.');
    // No coordinator is named in this file: no empty brackets either.
    expect(pl.accessibility).toContain('napisz do koordynatora dostępności: dostepnosc@powiat.jaslo.pl, tel. +48 13 448 63 00.');
    expect(identityTexts(JASLO, 'en').header).toBe('Civic forum and needs diagnosis of Jasło County');
  });

  it('are written nowhere in the catalogue: no message names Jasło, its office or its contacts', () => {
    const all = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as object).flatMap(all));
    for (const locale of LOCALES) expect(all(messages[locale]).filter((text) => JASLO_WORDS.test(text))).toEqual([]);
  });

  it("reach e-mails in the recipient's language", () => {
    const data = { kind: 'membership_decided' as const, name: 'Ola', approved: true, reason: '', url: 'https://agora.example.pl/forum/membership' };
    const pl = renderMail({ data, locale: 'pl', county: EXAMPLE, unsubscribeUrl: null });
    expect(pl.text).toContain('Witamy na forum „Przykładowska Agora”');
    expect(pl.text).toContain('Zespół Agory – Powiat przykładowy');
    const en = renderMail({ data, locale: 'en', county: EXAMPLE, unsubscribeUrl: null });
    expect(en.text).toContain('Welcome to Przykładowska Agora');
    expect(en.text).toContain('The Agora team – Przykładów County');
    expect(en.text + pl.text).not.toMatch(JASLO_WORDS);
  });
});

describe("the diagnosis questionnaire's template", () => {
  it("asks about the bus to the example county's own town and is titled for it", () => {
    const definition = JSON.stringify(diagnosisDefinition(EXAMPLE));
    expect(definition).toContain('Połączenie autobusowe z Przykładowem');
    expect(definition).toContain('Bus connection to Przykładów');
    expect(definition).not.toMatch(JASLO_WORDS);
    const texts = diagnosisTexts(EXAMPLE, 2027);
    expect(texts.titlePl).toBe('Diagnoza potrzeb mieszkańców powiatu przykładowego 2027');
    expect(texts.titleEn).toBe('Residents’ needs diagnosis, Przykładów County 2027');
    expect(JSON.stringify(texts)).not.toMatch(JASLO_WORDS);
  });
});
