import enAccount from './en/account.json';
import enAdmin from './en/admin.json';
import enCommon from './en/common.json';
import enDocuments from './en/documents.json';
import enForum from './en/forum.json';
import enFreeText from './en/free-text.json';
import enIndicators from './en/indicators.json';
import enMail from './en/mail.json';
import enMeetings from './en/meetings.json';
import enNews from './en/news.json';
import enPages from './en/pages.json';
import enResults from './en/results.json';
import enSurveys from './en/surveys.json';
import plAccount from './pl/account.json';
import plAdmin from './pl/admin.json';
import plCommon from './pl/common.json';
import plDocuments from './pl/documents.json';
import plForum from './pl/forum.json';
import plFreeText from './pl/free-text.json';
import plIndicators from './pl/indicators.json';
import plMail from './pl/mail.json';
import plMeetings from './pl/meetings.json';
import plNews from './pl/news.json';
import plPages from './pl/pages.json';
import plResults from './pl/results.json';
import plSurveys from './pl/surveys.json';
import type { Locale } from '../locales';

// One file per area of the app keeps the catalogue easy to work on; each file holds its own
// top-level namespaces. Polish is the reference: English must have the same keys (tested).
const pl = {
  ...plCommon,
  ...plAccount,
  ...plAdmin,
  ...plPages,
  ...plForum,
  ...plMeetings,
  ...plNews,
  ...plSurveys,
  ...plResults,
  ...plFreeText,
  ...plMail,
  ...plIndicators,
  ...plDocuments,
};
export type Messages = typeof pl;

export const messages: Record<Locale, Messages> = {
  pl,
  en: {
    ...enCommon,
    ...enAccount,
    ...enAdmin,
    ...enPages,
    ...enForum,
    ...enMeetings,
    ...enNews,
    ...enSurveys,
    ...enResults,
    ...enFreeText,
    ...enMail,
    ...enIndicators,
    ...enDocuments,
  },
};
