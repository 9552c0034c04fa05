import type { AppProps } from 'next/app';
import '../app/globals.css';

// pages/ holds one page, the survey's (pages/[site]/s/[slug].tsx): the one page served without the
// App Router, whose scripts (about 130 KB gzipped, on every App Router page) a resident on a rural
// phone would download before the questionnaire works. Everything else is in app/.
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
