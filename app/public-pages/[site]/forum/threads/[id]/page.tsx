// The kept public variant of app/[site]/forum/threads/[id]/page.tsx (app/_http/site.ts): the same page, rendered once for
// every visitor without a session and kept until its data changes or 300 s pass.
export { default, generateMetadata } from '@/app/[site]/forum/threads/[id]/page';
export const dynamic = 'force-static';
export const revalidate = 300;
