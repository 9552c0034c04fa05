export { default } from '@/app/[site]/forbidden';
