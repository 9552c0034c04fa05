import { notFound } from 'next/navigation';

/** Any address no page answers: the site's own 404 page, inside its layout (app/[site]/not-found.tsx). */
export default function Missing() {
  notFound();
}
