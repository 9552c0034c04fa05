// Safe to import in the browser. The one rule for every redirect target that comes from a request
// (the sign-in page's callbackUrl, the pages that send a signed-out visitor to sign in).

/**
 * Characters a browser strips or treats as a slash while parsing a URL (WHATWG URL: tab, CR and
 * LF are removed anywhere, leading C0 controls and spaces are trimmed, "\" is a "/" in http(s)
 * URLs), so "/\t/evil.example" becomes "//evil.example", a foreign host. Any of them — and the
 * other control and non-ASCII space characters, which no path of ours contains unencoded — makes
 * the target unsafe rather than being cleaned up: a cleaned target is one more parser to agree with.
 */
const UNSAFE_CHARACTER = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;

/**
 * Is `value` a path on this site: "/" followed by anything but a second "/" (a host), and with no
 * character a browser would strip or read as a slash? No scheme can appear before the first "/".
 */
export function isSafeRedirectPath(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return false;
  if (value[0] !== '/' || value[1] === '/') return false;
  if (UNSAFE_CHARACTER.test(value)) return false;
  // Percent-encoded, the same tricks survive any code that decodes the target once more.
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  if (decoded[1] === '/' || /[\u0000-\u001f\u007f\\]/.test(decoded)) return false;
  // Belt and braces: resolved against some origin, it must stay there.
  try {
    return new URL(value, 'http://agora.invalid').origin === 'http://agora.invalid';
  } catch {
    return false;
  }
}

/** `value` when it is a safe same-site path (see isSafeRedirectPath), else `fallback`. */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
  return isSafeRedirectPath(value) ? value : fallback;
}
