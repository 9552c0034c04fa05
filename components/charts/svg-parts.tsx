import type { ReactNode } from 'react';

// What the server-drawn SVG charts share. An SVG scales its text with its width, so each chart is
// drawn twice — for a phone's width and for a wide screen — and CSS shows one: its text is legible
// in both, and nothing needs measuring in a browser (no chart code is sent at all).

export const INK = '#1f2937';
export const LINE = '#1d4ed8';
export const GRID = '#d1d5db';

/** A linear scale from a domain onto a pixel range. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/**
 * The picture (role="img" with its summary; the numbers are in the data table beside it), drawn
 * for a narrow and a wide screen.
 */
export function TwoWidths({ summary, draw }: { summary: string; draw: (width: number) => ReactNode }) {
  return (
    <div role="img" aria-label={summary}>
      <div className="sm:hidden">{draw(360)}</div>
      <div className="hidden sm:block">{draw(720)}</div>
    </div>
  );
}

/** Every k-th of `count` evenly spaced labels, 1.5 labels' width apart (about 6.6 px a character at 12 px). */
export function labelStep(labels: string[], plotWidth: number): number {
  const labelWidth = Math.max(0, ...labels.map((l) => l.length)) * 6.6;
  return Math.max(1, Math.ceil(((labels.length - 1) * (labelWidth * 1.5 + 8)) / plotWidth));
}
