/**
 * How much JavaScript the browser loads for each of the main pages, gzipped as it travels.
 *
 *   npm run build
 *   npx tsx scripts/measure-client-js.ts                # starts the build on a scratch embedded database
 *   npx tsx scripts/measure-client-js.ts --url http://127.0.0.1:3000   # or asks a running server of this build
 *
 * For each page it fetches the HTML as an anonymous visitor, collects every script of the build it
 * names — the <script src> tags and the chunks the React payload asks for when the page hydrates;
 * on the survey's page, the form's own script and the chunks it preloads (public/survey-client/) —
 * and gzips those files from .next/static or public/ (level 6, as the server sends them). It prints each
 * page's total, the part every page shares, and the HTML document's own size. Without --url it
 * prepares a scratch embedded database with the demo data in the temporary folder and runs
 * `next start` on 127.0.0.1 (MEASURE_PORT, default 3205) for the duration.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DEFAULT_SURVEY_SLUG } from '../lib/surveys/default-questionnaire';
import { FORM_SCRIPT_PATH } from '../lib/surveys/device/offline-page';
import { startScratchServer, waitFor } from './scratch-server';

const { values } = parseArgs({ options: { url: { type: 'string' } } });
const STATIC = path.resolve('.next/static');
if (!existsSync(STATIC)) {
  console.error('No production build here: run `npm run build` first.');
  process.exit(1);
}

const gzipped = new Map<string, { raw: number; gzip: number }>();
/** Raw and gzipped size of one of the build's static files, by its /_next/static/… or /survey-client/… address. */
function sizeOf(address: string) {
  let size = gzipped.get(address);
  if (!size) {
    const file = address.startsWith(`${FORM_SCRIPT_PATH}/`)
      ? path.resolve('public', `.${address}`)
      : path.join(STATIC, decodeURIComponent(address.replace(/^\/_next\/static\//, '')));
    if (!existsSync(file)) throw new Error(`${address} is not in this build's .next/static: does the server run another build?`);
    const bytes = readFileSync(file);
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
    gzipped.set(address, size);
  }
  return size;
}

/**
 * Every script of the build a page makes a modern browser load: tags, preloads and the chunks of
 * its React payload — but not the `noModule` polyfills, which only old browsers fetch.
 */
function scriptsOf(html: string): string[] {
  const legacy = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*\snoModule/gi)].map((m) => m[1]!));
  // The payload sits in inline scripts as JSON strings, so its slashes may come escaped.
  const text = html.replace(/\\u002F/gi, '/').replace(/\\\//g, '/');
  const form = new RegExp(`${FORM_SCRIPT_PATH}/[^"'\\s<>]+?\\.js`, 'g');
  return [...new Set([...(text.match(/\/_next\/static\/[^"'\s\\<>]+?\.js/g) ?? []), ...(text.match(form) ?? [])])].filter((s) => !legacy.has(s)).sort();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  let scratch: Awaited<ReturnType<typeof startScratchServer>> | undefined;
  try {
    if (!values.url) scratch = await startScratchServer(Number(process.env.MEASURE_PORT ?? 3205), 'measure-js');
    const base = values.url ?? scratch!.base;
    await waitFor(`${base}/api/health`);
    const page = (address: string) => fetch(new URL(address, base)).then(async (r) => ({ status: r.status, html: await r.text() }));

    const thread = /\/forum\/threads\/(\d+)/.exec((await page('/forum')).html)?.[1];
    const pages = ['/', '/accessibility', '/forum', thread ? `/forum/threads/${thread}` : null, `/results/${DEFAULT_SURVEY_SLUG}`, `/s/${DEFAULT_SURVEY_SLUG}`].filter(
      (p): p is string => p !== null,
    );
    const measured: { address: string; scripts: string[]; html: { raw: number; gzip: number } }[] = [];
    for (const address of pages) {
      const { status, html } = await page(address);
      if (status !== 200) throw new Error(`${address} answered ${status}`);
      measured.push({ address, scripts: scriptsOf(html), html: { raw: Buffer.byteLength(html), gzip: gzipSync(html, { level: 6 }).length } });
    }
    // What the App Router pages share (the survey's page, outside it, shares none of it).
    const shared = measured
      .map((m) => m.scripts)
      .filter((scripts) => scripts.some((s) => s.startsWith('/_next/static/')))
      .reduce((a, b) => a.filter((s) => b.includes(s)));
    const total = (scripts: string[]) => scripts.reduce((sum, s) => ({ raw: sum.raw + sizeOf(s).raw, gzip: sum.gzip + sizeOf(s).gzip }), { raw: 0, gzip: 0 });

    console.log(`\nJavaScript per page (anonymous visitor), gzip level 6; build ${readFileSync('.next/BUILD_ID', 'utf8').trim()}`);
    console.log('page | scripts | JS gzipped | JS raw | of which page-specific, gzipped | HTML gzipped | HTML raw');
    for (const m of measured) {
      const all = total(m.scripts);
      const own = total(m.scripts.filter((s) => !shared.includes(s)));
      console.log([m.address, m.scripts.length, kb(all.gzip), kb(all.raw), kb(own.gzip), kb(m.html.gzip), kb(m.html.raw)].join(' | '));
    }
    const common = total(shared);
    console.log(`shared by the App Router pages above: ${shared.length} scripts, ${kb(common.gzip)} gzipped (${kb(common.raw)} raw)`);
  } finally {
    await scratch?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
