import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, type IcsEvent } from './ics';

const encoder = new TextEncoder();

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'meeting-1@agora.test',
    title: 'Sesja Jasielskiej Agory – gmina Dębowiec',
    description: 'Porządek: 1. Otwarcie; 2. Jakość usług, transport i zdrowie.\nZapraszamy!',
    location: 'Urząd Gminy, ul. Główna 1; sala nr 2',
    url: 'https://agora.example/calendar/1',
    startsAt: new Date('2026-03-29T01:00:00Z'),
    endsAt: new Date('2026-03-29T03:00:00Z'),
    createdAt: new Date('2026-01-01T10:00:00Z'),
    updatedAt: new Date('2026-01-02T10:00:00Z'),
    ...overrides,
  };
}

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return { calendar: component, events: component.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

describe('iCalendar output', () => {
  it('parses with ical.js and keeps the Polish text, the punctuation and the newlines', () => {
    const text = buildCalendar({ name: 'Agora – powiat jasielski', events: [event()] });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Agora – powiat jasielski');
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e!.uid).toBe('meeting-1@agora.test');
    expect(e!.summary).toBe('Sesja Jasielskiej Agory – gmina Dębowiec');
    expect(e!.description).toBe('Porządek: 1. Otwarcie; 2. Jakość usług, transport i zdrowie.\nZapraszamy!');
    expect(e!.location).toBe('Urząd Gminy, ul. Główna 1; sala nr 2');
    expect(e!.component.getFirstPropertyValue('url')).toBe('https://agora.example/calendar/1');
    expect(e!.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('gives times in UTC that land on the right instant across the March change of clocks', () => {
    const { events } = parse(buildCalendar({ name: 'x', events: [event()] }));
    const [e] = events;
    expect(e!.startDate.zone.tzid).toBe('UTC');
    expect(e!.startDate.toJSDate().toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(e!.endDate.toJSDate().toISOString()).toBe('2026-03-29T03:00:00.000Z');
    expect(e!.duration.toSeconds()).toBe(7200);
  });

  it('ends every line with CRLF and folds long lines to 75 octets on character boundaries', () => {
    const long = 'Żółć gęślą jaźń – warsztaty strategiczne, konsultacje; ' .repeat(20);
    const text = buildCalendar({ name: 'x', events: [event({ title: long, description: `${long}\n${long}` })] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = text.split('\r\n').slice(0, -1);
    for (const line of physical) {
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
      // A fold never leaves a broken character (U+FFFD would show one).
      expect(line).not.toContain('\uFFFD');
    }
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    const { events } = parse(text);
    expect(events[0]!.summary).toBe(long);
    expect(events[0]!.description).toBe(`${long}\n${long}`);
  });

  it('folds four-byte characters (emoji) without splitting them', () => {
    const title = '🎉'.repeat(60);
    const text = buildCalendar({ name: 'x', events: [event({ title })] });
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(parse(text).events[0]!.summary).toBe(title);
  });

  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const tricky = 'C:\\ścieżka; a, b\nEND:VEVENT';
    const { events } = parse(buildCalendar({ name: 'x', events: [event({ title: tricky })] }));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe(tricky);
  });

  it('foldLine keeps short lines as they are and splits at exactly 75 octets', () => {
    expect(foldLine('SUMMARY:krótko')).toBe('SUMMARY:krótko');
    const line = 'X'.repeat(200);
    const parts = foldLine(line).split('\r\n');
    expect(parts[0]).toHaveLength(75);
    expect(parts.slice(1).every((p) => p.startsWith(' ') && encoder.encode(p).length <= 75)).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });

  it('holds many events in one feed, each with its own UID', () => {
    const events = Array.from({ length: 5 }, (_, i) => event({ uid: `meeting-${i}@agora.test`, title: `Spotkanie ${i}` }));
    const parsed = parse(buildCalendar({ name: 'Kalendarz', events }));
    expect(parsed.events.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it('an empty feed is still a valid calendar', () => {
    expect(parse(buildCalendar({ name: 'Pusty', events: [] })).events).toEqual([]);
  });
});
