import type { AbstractIntlMessages } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import type { SurveyFillProps } from './survey-fill';

/** What the survey's page (pages/[site]/s/[slug].tsx) hands the form's script (island.tsx), as JSON beside the form. */
export interface IslandData {
  locale: Locale;
  messages: AbstractIntlMessages;
  props: SurveyFillProps;
}

/** The form's script: its entry, the chunks the entry imports, and the request's nonce (the page puts it on). */
export interface FormScript {
  src: string;
  imports: string[];
  nonce: string | null;
}

/** The element the script brings to life, and the one holding its data. */
export const ISLAND_ROOT = 'survey-fill';
export const ISLAND_DATA = 'survey-fill-data';

/** The data as the content of a <script type="application/json">: nothing in it can close the element. */
export function islandJson(data: IslandData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
