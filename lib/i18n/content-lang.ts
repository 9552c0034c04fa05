/**
 * The lang attribute for text people wrote in Polish (thread titles, posts, news, survey texts,
 * names of places) when the page around it is in another language, so a screen reader reads it
 * with Polish pronunciation and a browser offers the right translation. In a Polish page it
 * inherits <html lang="pl"> and needs none. Texts stored in both languages (a survey's English
 * title) take it only when the Polish one is shown.
 */
export function polishContent(uiLocale: string, shownLocale: string = 'pl'): 'pl' | undefined {
  return shownLocale === 'pl' && uiLocale !== 'pl' ? 'pl' : undefined;
}

/** The lang attribute for a text stored in Polish and maybe English, shown in `uiLocale`. */
export function translatedContent(text: { pl: string; en?: string | null } | undefined, uiLocale: string): 'pl' | undefined {
  return polishContent(uiLocale, uiLocale === 'en' && text?.en ? 'en' : 'pl');
}
