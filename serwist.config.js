// @ts-check
import { serwist } from '@serwist/next/config';

// The survey's service worker (worker/survey-sw.ts), built after `next build` by `serwist build`
// (npm run build) into public/sw.js: Serwist's "configurator mode", its documented way for
// Next.js with Turbopack, which needs no webpack hook and no route handler of its own.
//
// Nothing of the app is precached: precaching every script of the build (the back office, the
// dashboards' charts) would cost a rural phone megabytes it never uses. The worker keeps instead
// what the survey page itself loads, as it loads it (and the page hands it the files it had loaded
// before the worker started: components/surveys/device-worker.tsx).
export default await serwist({
  swSrc: 'worker/survey-sw.ts',
  swDest: 'public/sw.js',
  globPatterns: ['public/icon.svg'],
  precachePrerendered: false,
  esbuildOptions: { define: { 'process.env.NODE_ENV': '"production"' } },
});
