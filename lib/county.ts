import 'server-only';
import { getLocale } from 'next-intl/server';
import { deploymentPath, readDeployment, type County } from '@/db/seed/deployment';
import { getEnv } from '@/lib/env';
import type { Locale } from '@/lib/i18n/locales';

export type { County };

let cached: County | undefined;

/**
 * The county this server serves, from the deployment file (AGORA_DEPLOYMENT_FILE), read once per
 * process. db/prepare.ts checks the file before the server starts, so a bad one never gets here
 * in a real start; should it, the page fails loudly rather than name no county.
 */
export function getCounty(): County {
  cached ??= readDeployment(deploymentPath(getEnv().AGORA_DEPLOYMENT_FILE)).county;
  return cached;
}

/** The county's words every message that names it takes (placeholders of the same names); a type, not an interface, so it passes as next-intl's values. */
export type CountyValues = {
  /** "Powiat jasielski" / "Jasło County". */
  county: string;
  /** After "of": "powiatu jasielskiego" / "Jasło County". */
  countyOf: string;
  forum: string;
  /** The project's name, or '' (see footer.about / aboutProject). */
  project: string;
  office: string;
  officeAddress: string;
  officeEmail: string;
  officePhone: string;
  dpoEmail: string;
  /** 'yes' when the accessibility coordinator is named (an ICU select), and the name. */
  hasPerson: 'yes' | 'no';
  a11yPerson: string;
  a11yEmail: string;
  a11yPhone: string;
  publishedOn: string;
  updatedOn: string;
  preparedOn: string;
  architecture: string;
};

/**
 * The values for the catalogue's county placeholders, in the language of the text: the Polish texts
 * need the name's genitive ("gminy powiatu jasielskiego"), the English ones the English name.
 */
export function countyValues(county: County, locale: Locale): CountyValues {
  const english = locale === 'en';
  const { office, accessibility } = county;
  return {
    county: english ? county.nameEn : county.name,
    countyOf: english ? county.nameEn : county.nameGenitive,
    forum: county.forumName,
    project: county.project?.[locale] ?? '',
    office: office.name[locale],
    officeAddress: office.address,
    officeEmail: office.email,
    officePhone: office.phone,
    dpoEmail: county.dataProtectionOfficer.email,
    hasPerson: accessibility.coordinator.name ? 'yes' : 'no',
    a11yPerson: accessibility.coordinator.name ?? '',
    a11yEmail: accessibility.coordinator.email,
    a11yPhone: accessibility.coordinator.phone,
    publishedOn: accessibility.publishedOn,
    updatedOn: accessibility.updatedOn,
    preparedOn: accessibility.preparedOn,
    architecture: accessibility.architecture[locale],
  };
}

/** The configured county's values in the request's language (server components, route handlers). */
export async function requestCountyValues(): Promise<CountyValues> {
  return countyValues(getCounty(), (await getLocale()) as Locale);
}

export type DataController = Pick<CountyValues, 'office' | 'officeAddress' | 'dpoEmail'>;

/** Who controls a respondent's data, for the survey's information clause (a client component's prop). */
export async function requestDataController(): Promise<DataController> {
  const { office, officeAddress, dpoEmail } = await requestCountyValues();
  return { office, officeAddress, dpoEmail };
}
