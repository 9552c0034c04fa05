import type * as z from 'zod';

// Safe to import in the browser: the forms' zod schemas check these limits at the field, and the
// renderer checks them again before it parses anything.

/** The longest Markdown source rendered as Markdown (the longest field, an article, is 50,000). */
export const MARKDOWN_MAX_LENGTH = 50_000;
/** Containers (quotes, list items, indentation) one inside another on one line. */
export const MARKDOWN_MAX_NESTING = 10;
/** Link or emphasis openers "[", "*", "_", "~" in one source (runs of them cost the parser most). */
export const MARKDOWN_MAX_MARKERS = 5_000;

/**
 * How deeply a source nests containers: the most, over its lines, of ">" quote markers, list
 * markers and two-column steps of indentation before the line's text. One pass, no parsing, so a
 * hostile source (20,000 ">" on one line) is measured in linear time and refused.
 */
export function markdownNesting(source: string): number {
  let deepest = 0;
  let depth = 0;
  let column = 0;
  let atStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 /* \n */) {
      depth = 0;
      column = 0;
      atStart = true;
      continue;
    }
    if (!atStart) continue;
    if (c === 32 /* space */) column += 1;
    else if (c === 9 /* tab */) column += 4 - (column % 4);
    else if (c === 62 /* > */) {
      depth += 1 + (column >> 1);
      column = 0;
    } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpace(source.charCodeAt(i + 1))) {
      depth += 1 + (column >> 1);
      column = 0;
    } else if (c >= 48 && c <= 57 /* digit */) {
      let j = i;
      while (j < source.length && j - i < 10 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
      const after = source.charCodeAt(j);
      if ((after === 46 || after === 41) /* . ) */ && isSpace(source.charCodeAt(j + 1))) {
        depth += 1 + (column >> 1);
        column = 0;
        i = j;
      } else atStart = false;
    } else atStart = false;
    if (!atStart) depth += column >> 1;
    if (depth > deepest) deepest = depth;
  }
  return Math.max(deepest, depth + (column >> 1));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || Number.isNaN(c);
}

/** Link and emphasis openers in the source: a cheap count, checked before parsing. */
export function markdownMarkers(source: string): number {
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 91 /* [ */ || c === 42 /* * */ || c === 95 /* _ */ || c === 126 /* ~ */) n++;
  }
  return n;
}

/** The message key of the first limit the source breaks, or null. */
export function markdownProblem(source: string, maxLength = MARKDOWN_MAX_LENGTH): 'text_too_long' | 'markdown_too_deep' | 'markdown_too_complex' | null {
  if (source.length > maxLength) return 'text_too_long';
  if (markdownNesting(source) > MARKDOWN_MAX_NESTING) return 'markdown_too_deep';
  if (markdownMarkers(source) > MARKDOWN_MAX_MARKERS) return 'markdown_too_complex';
  return null;
}

/**
 * A form's Markdown field with the renderer's limits checked at the field (message keys in the
 * "errors" namespace): too deeply nested quotes or lists, or too many link/emphasis markers.
 */
export function withMarkdownLimits<T extends z.ZodType<string>>(schema: T) {
  return schema
    .refine((value) => markdownNesting(value) <= MARKDOWN_MAX_NESTING, 'markdown_too_deep')
    .refine((value) => markdownMarkers(value) <= MARKDOWN_MAX_MARKERS, 'markdown_too_complex');
}
