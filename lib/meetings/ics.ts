// iCalendar (RFC 5545) written by hand: one meeting or a feed of them. Times are written in UTC
// with a "Z" (RFC 5545 §3.3.5 form #2), which every client places correctly in any zone, so no
// VTIMEZONE is needed. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
// character (§3.1); TEXT values escape backslash, semicolon, comma and newlines (§3.3.11).

export interface IcsEvent {
  uid: string;
  title: string;
  description: string;
  location: string;
  url: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  updatedAt: Date;
  categories?: string;
  /** RFC 5545 §3.8.1.11: a called-off meeting stays in calendars, marked CANCELLED. */
  status?: 'CONFIRMED' | 'CANCELLED';
}

const encoder = new TextEncoder();

/** Escapes a TEXT value. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line: no physical line longer than 75 octets; continuation lines begin with
 * one space (which counts towards their 75). Splits only between characters, never inside a
 * UTF-8 sequence (nor inside a surrogate pair).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** 20260329T080000Z */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** Strips control characters that TEXT may not hold (everything below 0x20 but tab and newlines). */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function eventLines(event: IcsEvent, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    property('UID', event.uid),
    property('DTSTAMP', formatUtc(stamp)),
    property('DTSTART', formatUtc(event.startsAt)),
    property('DTEND', formatUtc(event.endsAt)),
    property('CREATED', formatUtc(event.createdAt)),
    property('LAST-MODIFIED', formatUtc(event.updatedAt)),
    property('SUMMARY', escapeText(clean(event.title))),
  ];
  if (event.description) lines.push(property('DESCRIPTION', escapeText(clean(event.description))));
  if (event.location) lines.push(property('LOCATION', escapeText(clean(event.location))));
  if (event.categories) lines.push(property('CATEGORIES', escapeText(clean(event.categories))));
  if (event.status) lines.push(property('STATUS', event.status));
  // URI values are not TEXT: they are not escaped, and the URLs we pass are already encoded.
  lines.push(property('URL', event.url));
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR with its events, CRLF-terminated. */
export function buildCalendar({
  name,
  events,
  stamp = new Date(),
  productId = '-//Agora//Kalendarz spotkań//PL',
}: {
  name: string;
  events: IcsEvent[];
  stamp?: Date;
  productId?: string;
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', productId),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(clean(name))),
    'X-WR-TIMEZONE:Europe/Warsaw',
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
