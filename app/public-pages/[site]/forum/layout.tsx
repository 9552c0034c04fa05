export { default } from '@/app/[site]/forum/layout';
