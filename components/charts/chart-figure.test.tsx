import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { measureFormat } from '@/lib/i18n/number-format';
import type { TableSpec } from '@/lib/results/tables';
import type { ResultsText } from '@/lib/results/text';
import { ResultsTable } from './chart-figure';

// The words and formats a results page passes down (lib/results/text.ts), in Polish with k = 5.
const words: Record<string, string> = { hidden: 'ukryte', hiddenNote: 'Ukryte: za mało odpowiedzi ({fewer}), żeby pokazać tę liczbę.' };
const text: ResultsText = {
  locale: 'pl',
  t: (key, values) => (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? '')),
  show: (v, measure) => (v === null ? 'mniej niż 5' : typeof v === 'number' ? measureFormat('pl', measure ?? 'mean').format(v) : v),
};

const cells = (html: string) => [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

describe('ResultsTable', () => {
  it('prints each column by its one rounding rule: 2,50 beside 2,49, a share with one decimal', () => {
    const table: TableSpec = { caption: 'c', headers: ['Gmina', 'Średnia', 'Udział (%)', 'Odpowiedzi'], rows: [['A', 2.5, 12, 40], ['B', 2.49, 7.5, 1200]], measures: [undefined, 'mean', 'share', 'count'] };
    expect(cells(renderToStaticMarkup(<ResultsTable table={table} text={text} />))).toEqual(['2,50', '12,0', '40', '2,49', '7,5', '1200']);
  });

  it('marks a hidden mean or percentage and explains it under the table; only counts read "fewer than 5"', () => {
    const table: TableSpec = { caption: 'c', headers: ['Dziedzina', 'Punkty', 'Na 1. miejscu (%)', 'Ważność'], rows: [['Zdrowie', null, null, null]], measures: [undefined, 'count', 'share', 'mean'] };
    const html = renderToStaticMarkup(<ResultsTable table={table} text={text} />);
    expect(cells(html)).toEqual(['mniej niż 5', 'ukryte*', 'ukryte*']);
    expect(html).toContain('* Ukryte: za mało odpowiedzi (mniej niż 5), żeby pokazać tę liczbę.');
  });

  it('scrolls inside a focusable region named by its caption, never the page', () => {
    const html = renderToStaticMarkup(<ResultsTable table={{ caption: 'Średnia ocena', headers: ['Gmina'], rows: [['A']] }} text={text} />);
    expect(html).toMatch(/<div class="[^"]*overflow-x-auto[^"]*" tabindex="0" role="region" aria-label="Średnia ocena">/);
    expect(html).not.toContain('Ukryte');
  });

  it('writes every text as text: a label or figure with markup in it is escaped, never run', () => {
    const evil = '<img src=x onerror=alert(1)>"&\'';
    const table: TableSpec = { caption: evil, headers: [evil, 'Ocena'], rows: [[evil, evil]] };
    const html = renderToStaticMarkup(<ResultsTable table={table} text={text} cellClass={() => '"><script>'} />);
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    expect(html).toContain('class="&quot;&gt;&lt;script&gt;"');
  });
});
