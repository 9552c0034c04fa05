// File names as people give them, made safe to keep, show and send back. Pure functions, safe to
// import in the browser (the upload form checks the same rule before sending anything).

/** Longest name kept, in characters (the extension is kept whole when a longer name is cut). */
export const MAX_FILE_NAME_LENGTH = 150;

/** A name that tries to name a place (a path) rather than a file: refused, never "cleaned". */
export function isPathName(raw: string): boolean {
  return /[/\\]/.test(raw) || /^\.{1,2}$/.test(raw.trim()) || raw.includes('\0');
}

/**
 * The name a file is kept and offered under: Unicode NFC; no control or bidirectional-formatting
 * characters (a right-to-left override can make "cod.exe" read as "exe.doc"); none of the
 * characters Windows refuses in a name; runs of spaces made one; no leading or trailing dots or
 * spaces; at most MAX_FILE_NAME_LENGTH characters. null when nothing is left or the name is a
 * path (see isPathName), which the caller refuses.
 */
export function sanitiseFileName(raw: string): string | null {
  if (isPathName(raw)) return null;
  let name = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') return null;
  const chars = [...name];
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    const stem = [...name.slice(0, name.length - extension.length)].slice(0, MAX_FILE_NAME_LENGTH - [...extension].length).join('').trimEnd();
    name = stem + extension;
  }
  return name;
}

/** The lower-case extension without its dot ("pdf"), or '' when the name has none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The Content-Disposition header for a stored file (RFC 6266): `filename*` carries the real name
 * in UTF-8 (RFC 5987 percent-encoding), `filename` an ASCII stand-in for old clients, with Polish
 * letters folded ("Sprawozdanie_zolte.pdf") and quotes and backslashes removed.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline'): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
