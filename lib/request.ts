import 'server-only';

/**
 * The caller's address as the reverse proxy reports it (first X-Forwarded-For entry), for rate
 * limits only. It is hashed before use and never stored as it is.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'unknown';
}
