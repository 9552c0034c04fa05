import 'server-only';
import { keyedHash } from '@/lib/rate-limit';

// The signed "already answered" token a resident's browser keeps after an online answer (as a
// cookie, which the route sets and reads): the response's id and a keyed hash of it, so a second
// answer from the same browser replaces the first and a forged token counts as none.

const signature = (slug: string, id: string) => keyedHash(`survey-answered:${slug}:${id}`);

export function answeredToken(slug: string, responseId: string): string {
  return `${responseId}.${signature(slug, responseId)}`;
}

/** The response id in a sound token, or null (missing, forged, or for another survey). */
export function readAnsweredToken(slug: string, token: string | null): string | null {
  if (!token) return null;
  const [id, sig] = token.split('.');
  return id && sig && signature(slug, id) === sig ? id : null;
}
