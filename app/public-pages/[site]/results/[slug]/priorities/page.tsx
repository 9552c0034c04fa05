// The kept public variant of app/[site]/results/[slug]/priorities/page.tsx (app/_http/site.ts): the same page, rendered once for
// every visitor without a session and kept until its data changes or 30 s pass.
export { default, generateMetadata } from '@/app/[site]/results/[slug]/priorities/page';
export const dynamic = 'force-static';
export const revalidate = 30;
