import { escapeHtml } from '@/lib/html';

// What the server-drawn SVG charts share. An SVG scales its text with its width, so each chart is
// drawn twice — for a phone's width and for a wide screen — and CSS shows one: its text is legible
// in both, and nothing needs measuring in a browser (no chart code is sent at all).
//
// The drawings are HTML strings, not React elements, for the reason given in bar-list.tsx: they
// never change in the browser, and as elements every line, dot and label went into the page's
// payload as well as its HTML. Every attribute value and text is escaped (`svg`).

export const INK = '#1f2937';
export const LINE = '#1d4ed8';
export const GRID = '#d1d5db';

/** A linear scale from a domain onto a pixel range. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

type Attributes = Record<string, string | number | undefined>;

/**
 * One SVG element as a string: its attributes escaped (an undefined one left out), then either
 * `inner` — markup already made by `svg` — or, for a label, `text`, escaped.
 */
export function svg(tag: string, attributes: Attributes, content: { inner?: string; text?: string } = {}): string {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) open += ` ${name}="${escapeHtml(String(value))}"`;
  if (content.text !== undefined) return `${open}>${escapeHtml(content.text)}</${tag}>`;
  return content.inner !== undefined ? `${open}>${content.inner}</${tag}>` : `${open}/>`;
}

/** The drawing's frame: its box, hidden from screen readers (the picture around it has the summary). */
export function svgRoot(width: number, height: number, inner: string): string {
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'h-auto w-full', 'aria-hidden': 'true', focusable: 'false' }, { inner });
}

/**
 * The picture (role="img" with its summary; the numbers are in the data table beside it), drawn
 * for a narrow and a wide screen.
 */
export function TwoWidths({ summary, draw }: { summary: string; draw: (width: number) => string }) {
  return (
    <div role="img" aria-label={summary}>
      <div className="sm:hidden" dangerouslySetInnerHTML={{ __html: draw(360) }} />
      <div className="hidden sm:block" dangerouslySetInnerHTML={{ __html: draw(720) }} />
    </div>
  );
}

/** Every k-th of `count` evenly spaced labels, 1.5 labels' width apart (about 6.6 px a character at 12 px). */
export function labelStep(labels: string[], plotWidth: number): number {
  const labelWidth = Math.max(0, ...labels.map((l) => l.length)) * 6.6;
  return Math.max(1, Math.ceil(((labels.length - 1) * (labelWidth * 1.5 + 8)) / plotWidth));
}
