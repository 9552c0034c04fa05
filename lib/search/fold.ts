/**
 * Folding for search: lower case, Polish (and other) diacritics removed, one character for one
 * character, so that positions found in the folded text are positions in the original. Safe to
 * import anywhere (no dictionary, no database).
 */
export function foldChar(c: string): string {
  const lower = c.toLowerCase();
  if (lower === 'ł') return 'l';
  const folded = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return folded.length === 1 ? folded : lower.length === 1 ? lower : c;
}

// Capitals and non-ASCII code units, one at a time (a surrogate half is left as it is).
const FOLDABLE = /[A-Z]|[^\x00-\x7f]/g;

export function foldText(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}

/** Letters and digits make words; everything else separates them (as PostgreSQL's parser does for these tokens). */
export const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct folded words of a text, in order of first appearance. */
export function foldedWords(text: string): string[] {
  return [...new Set(foldText(text).match(WORD) ?? [])];
}
