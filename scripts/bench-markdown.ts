/**
 * Benchmark of the one Markdown renderer (lib/markdown renderMarkdown) on a hostile and costly
 * corpus: deep nesting, long emphasis and bracket runs, huge links, many entities, backtick runs,
 * each at the largest size a form accepts (posts 20,000 characters; articles and minutes 50,000).
 * Prints, per case, whether the form's schema accepts it, the worst and median time of the bounded
 * renderer over several runs, and one run of the unbounded renderer Agora used before (micromark
 * with the same options but no bounds) for comparison.
 *
 *   npx tsx scripts/bench-markdown.ts [--runs 7]
 *
 * Bounded: a fixed corpus, a fixed number of runs; nothing is written anywhere.
 */
import { parseArgs } from 'node:util';
import { micromark } from 'micromark';
import { gfmStrikethrough, gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { postBody } from '../lib/forum/schema';
import { renderMarkdown } from '../lib/markdown';
import { markdownProblem } from '../lib/markdown/limits';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(1, Math.min(50, Number(values.runs) || 7));

/** The renderer as it was before the bounds (issue 16): parses whatever it is given. */
function unboundedRender(source: string): string {
  return micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfmStrikethrough({ singleTilde: false }), { disable: { null: ['labelStartImage', 'headingAtx', 'setextUnderline', 'htmlFlow', 'htmlText'] } }],
    htmlExtensions: [gfmStrikethroughHtml()],
  });
}

const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const P = 20_000;
const A = 50_000;

const realistic =
  'Autobus z **Cieklina** do Jasła jedzie *za wcześnie*, a powrót jest dopiero po 15:00.\n\n' +
  '> Cytat z wcześniejszej dyskusji o rozkładzie jazdy.\n\n- pierwszy kurs o 6:40\n- drugi kurs o 7:20\n\n' +
  'Więcej w [rozkładzie](https://example.pl/rozklad) i w `uchwale 12/2026`.\n\n';

const corpus: { name: string; source: string }[] = [
  { name: 'issue 16: 20,000 nested ">"', source: '>'.repeat(P) },
  { name: 'quotes nested 10 deep, repeated to 20,000', source: fill('> > > > > > > > > > tekst\n', P) },
  { name: 'lists nested 10 deep, repeated to 20,000', source: fill(Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- poziom ${i}`).join('\n') + '\n', P) },
  { name: 'emphasis run "*a" (5,000 markers)', source: fill('*a', 10_000) + fill(' ', P - 10_000) },
  { name: 'emphasis run "**" / "__" mixed, 5,000 markers', source: fill('**a__', 12_500) + fill('x', P - 12_500) },
  { name: 'unclosed "[" × 5,000', source: fill('[', 5_000) + fill('a', P - 5_000) },
  { name: 'nested links "[a[b[c…" (5,000)', source: fill('[a', 10_000) + fill(']', 5_000) + '(https://example.pl)' },
  { name: 'huge link (20,000-char URL)', source: `[x](https://example.pl/${fill('a', P - 30)})` },
  { name: 'huge autolink', source: `<https://example.pl/${fill('b', P - 30)}>` },
  { name: 'entities "&amp;" × 4,000', source: fill('&amp;', P) },
  { name: 'numeric entities "&#x1F600;" × 2,000', source: fill('&#x1F600;', P) },
  { name: 'backtick runs "`a``a```…"', source: Array.from({ length: 190 }, (_, i) => '`'.repeat(i + 1) + 'a').join('').slice(0, P) },
  { name: 'strikethrough "~~a" (4,900 markers)', source: fill('~~a', 7_350) + fill(' ', P - 7_350) },
  { name: 'angle brackets / HTML "<a " × 6,000', source: fill('<a ', P) },
  { name: 'one 20,000-character line', source: fill('słowo ', P) },
  { name: 'realistic post at 20,000', source: fill(realistic, P) },
  { name: 'realistic article at 50,000', source: fill(realistic, A) },
  { name: 'over the limit: 50,000 nested ">"', source: '>'.repeat(A) },
];

function time(render: (s: string) => string, source: string): number {
  const started = process.hrtime.bigint();
  render(source);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const rows: string[] = [];
let worst = 0;
for (const { name, source } of corpus) {
  const accepted = postBody.safeParse(source).success ? 'accepted' : `refused (${postBody.safeParse(source).error!.issues[0]!.message})`;
  const bounded = markdownProblem(source) === null ? 'parsed' : 'escaped, not parsed';
  time(renderMarkdown, source); // warm-up
  const times = Array.from({ length: runs }, () => time(renderMarkdown, source)).sort((a, b) => a - b);
  const max = times.at(-1)!;
  worst = Math.max(worst, max);
  const before = time(unboundedRender, source);
  rows.push(`| ${name} | ${source.length.toLocaleString('en')} | ${source.length <= P ? accepted : 'refused (too long for a post)'} | ${bounded} | ${times[times.length >> 1]!.toFixed(1)} | ${max.toFixed(1)} | ${before.toFixed(1)} |`);
  console.error(`${name}: worst ${max.toFixed(1)} ms (unbounded ${before.toFixed(1)} ms)`);
}

console.log(`Node ${process.version}, ${runs} runs per case after one warm-up; times in milliseconds.\n`);
console.log('| case | characters | the post form | renderMarkdown | median | worst | unbounded, before |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\nWorst time per text, bounded renderer: ${worst.toFixed(1)} ms`);
