import { foldText, WORD } from './fold';

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * A snippet of `text` around the first word that `matches` (given the folded word), split into
 * matched and plain segments (rendered as <mark> by React: nothing here becomes HTML). Folding is
 * one character for one, so positions in the folded text are positions in the original.
 */
export function highlight(text: string, matches: (foldedWord: string) => boolean, radius = 90): Segment[] {
  const folded = foldText(text);
  const marked: [number, number][] = [];
  for (const m of folded.matchAll(WORD)) if (matches(m[0])) marked.push([m.index, m.index + m[0].length]);
  const first = marked[0]?.[0] ?? 0;
  const start = marked.length === 0 ? 0 : Math.max(0, first - radius);
  const end = Math.min(text.length, first + radius * 2);
  const segments: Segment[] = [];
  if (start > 0) segments.push({ text: '…', match: false });
  let at = start;
  for (const [from, to] of marked) {
    if (from >= end) break;
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    segments.push({ text: text.slice(Math.max(from, at), Math.min(to, end)), match: true });
    at = Math.min(to, end);
  }
  if (at < end) segments.push({ text: text.slice(at, end), match: false });
  if (end < text.length) segments.push({ text: '…', match: false });
  return segments;
}
