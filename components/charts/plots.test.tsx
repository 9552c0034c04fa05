import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarList } from './bar-list';
import { LineFigure } from './line-figure';
import { MatrixPlot } from './matrix-plot';
import { MonitoringPlot } from './monitoring-plot';

const show = (v: number | null) => (v === null ? 'mniej niż 5' : String(v).replace('.', ','));

describe('the server-drawn charts', () => {
  it('bars: every label is text above or beside its bar, a hidden value is words and no bar', () => {
    const html = renderToStaticMarkup(<BarList summary="s" show={show} data={[{ label: 'Więcej nauczycieli specjalistów (psycholog, logopeda)', value: 40 }, { label: 'Nowoczesne wyposażenie pracowni', value: null }]} />);
    expect(html).toContain('Więcej nauczycieli specjalistów (psycholog, logopeda)</span>');
    expect(html).toContain('mniej niż 5');
    expect(html.match(/class="bar"/g)).toHaveLength(1);
  });

  it('bars: a label or value with markup in it is written as text, never run', () => {
    const html = renderToStaticMarkup(<BarList summary="s" show={() => '<em>5</em>'} data={[{ label: '</span><script>alert(1)</script>', value: 5 }]} />);
    expect(html).not.toMatch(/<script|<em>/);
    expect(html).toContain('&lt;em&gt;5&lt;/em&gt;');
    expect(html).toContain('&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the drawn charts write labels and ticks with markup in them as text, never run', () => {
    const evil = '</text><script>alert(1)</script>';
    const html = [
      renderToStaticMarkup(<MatrixPlot summary="s" tick={() => evil} cross={{ importance: 3, satisfaction: 3 }} axes={{ importance: evil, satisfaction: evil }} data={[{ label: 'Zdrowie', importance: 4, satisfaction: 2 }]} />),
      renderToStaticMarkup(<MonitoringPlot summary="s" residents={3} residentsLabel={evil} mean={() => evil} data={[{ label: evil, forum: 2.5 }]} />),
      renderToStaticMarkup(<LineFigure summary="s" show={() => evil} points={[{ label: evil, value: 3 }, { label: '9 lis', value: 4 }]} />),
    ].join('');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the weekly line: straight segments, the running week dashed and named, drawn for two widths', () => {
    const html = renderToStaticMarkup(
      <LineFigure summary="s" show={(v) => String(v)} partial partialNote="Ostatni tydzień jeszcze trwa." points={[{ label: '2 lis', value: 300 }, { label: '9 lis', value: 320 }, { label: '16 lis', value: 40 }]} />,
    );
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).not.toContain('<path');
    expect(html.match(/stroke-dasharray="6 5"/g)).toHaveLength(2);
    expect(html).toContain('Ostatni tydzień jeszcze trwa.');
  });

  it('the matrix numbers its points and lists their names; monitoring prints each mean', () => {
    const matrix = renderToStaticMarkup(
      <MatrixPlot summary="s" tick={String} cross={{ importance: 4, satisfaction: 3 }} axes={{ importance: 'Ważność', satisfaction: 'Ocena' }} data={[{ label: 'Zdrowie', importance: 4.5, satisfaction: 2.5 }, { label: 'Kultura', importance: 3.2, satisfaction: 3.6 }]} />,
    );
    expect(matrix).toContain('<li>Zdrowie</li>');
    expect(matrix.match(/<circle/g)).toHaveLength(4);
    const monitoring = renderToStaticMarkup(<MonitoringPlot summary="s" residents={3.1} residentsLabel="Mieszkańcy: 3,10" mean={(v) => v.toFixed(2).replace('.', ',')} data={[{ label: '3 kw. 2026', forum: 2.5 }, { label: '4 kw. 2026', forum: null }]} />);
    expect(monitoring).toContain('2,50');
    expect(monitoring).toContain('Mieszkańcy: 3,10');
  });
});
