// The root of the kept public pages (app/_http/site.ts): the site's own layout. No variant is
// rendered at build time; each is rendered on its first visit and kept.
export { default, generateMetadata, viewport } from '@/app/[site]/layout';
export const dynamic = 'force-static';

export function generateStaticParams() {
  return [];
}
