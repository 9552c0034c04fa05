// The kept public variant of app/[site]/privacy/page.tsx (app/_http/site.ts): the same page, rendered once for
// every visitor without a session and kept until its data changes or 3600 s pass.
export { default, generateMetadata } from '@/app/[site]/privacy/page';
export const dynamic = 'force-static';
export const revalidate = 3600;
