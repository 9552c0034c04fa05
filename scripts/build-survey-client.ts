/**
 * Bundles the survey form's script (components/surveys/fill/island.tsx) into public/survey-client/,
 * content-hashed, with manifest.json naming the entry and the chunks it imports for the page
 * (app/_http/survey-page-data.ts).
 * Run by `npm run build` (`next dev` hydrates the whole page itself); the survey's page is the one page not served by the
 * App Router (pages/[site]/s/[slug].tsx), so Next.js ships none of its own scripts with it.
 *
 * Next.js's build settings that matter here are repeated: next-intl's messages are compiled at build
 * time (next.config.mjs), so the form formats them with use-intl's formatter alone; the browsers
 * are Next.js's default targets (older ones get the form without JavaScript).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { FORM_SCRIPT_PATH } from '../lib/surveys/device/offline-page';

const require = createRequire(import.meta.url);
const outdir = path.resolve(`public${FORM_SCRIPT_PATH}`);

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  entryPoints: { fill: 'components/surveys/fill/island.tsx' },
  outdir,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  legalComments: 'none',
  target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
  jsx: 'automatic',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  // The components read next-intl's hooks, which are use-intl's; compiled messages need only its formatter.
  alias: { 'next-intl': 'use-intl', 'use-intl/format-message': require.resolve('use-intl/format-message/format-only') },
  metafile: true,
  logLevel: 'warning',
});
const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint?.endsWith('island.tsx'));
if (!entry) throw new Error('esbuild wrote no entry for the survey form');
const address = (file: string) => `${FORM_SCRIPT_PATH}/${path.basename(file)}`;
// The chunks the entry imports statically: the page preloads them beside it, rather than the
// phone finding them only once the entry has arrived (those imported on use, like the step checks,
// load when needed).
const imports = entry[1].imports.filter((i) => i.kind === 'import-statement').map((i) => address(i.path));
writeFileSync(path.join(outdir, 'manifest.json'), `${JSON.stringify({ fill: address(entry[0]), imports })}\n`);
console.log(`Survey form script: ${address(entry[0])} (+ ${imports.length} chunks)`);
