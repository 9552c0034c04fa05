import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, daysFromToday, fromLocal, localDateTime, localParts, monthRange, offsetMinutes, optionalLocalDateTime, quarterOf, toLocal, toLocalInput } from './local-time';

function instant(value: string): string {
  const result = fromLocal(value);
  if (!result.ok) throw new Error(`${value}: ${result.reason}`);
  return result.instant.toISOString();
}

// The days the clocks change in Poland (EU rule: last Sunday of March 02:00 → 03:00, last Sunday
// of October 03:00 → 02:00), 2026 and 2027.
const GAPS = ['2026-03-29', '2027-03-28'];
const OVERLAPS = ['2026-10-25', '2027-10-31'];

describe('Warsaw wall clock to instant', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(instant('2026-01-15T10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(instant('2026-07-15T10:00')).toBe('2026-07-15T08:00:00.000Z');
    expect(instant('2027-01-15T10:00')).toBe('2027-01-15T09:00:00.000Z');
    expect(instant('2027-07-15T10:00')).toBe('2027-07-15T08:00:00.000Z');
  });

  describe.each(GAPS)('spring change on %s: 02:00–02:59 does not exist', (day) => {
    it('every minute of the skipped hour is refused as nonexistent', () => {
      for (let m = 0; m < 60; m++) {
        const value = `${day}T02:${String(m).padStart(2, '0')}`;
        expect(fromLocal(value), value).toEqual({ ok: false, reason: 'nonexistent' });
      }
    });
    it('01:59 is winter time and 03:00 summer time, one minute later', () => {
      const before = Date.parse(instant(`${day}T01:59`));
      const after = Date.parse(instant(`${day}T03:00`));
      expect(after - before).toBe(60_000);
      expect(instant(`${day}T03:00`)).toBe(`${day}T01:00:00.000Z`);
    });
    it('a meeting 01:00–04:00 across the change lasts two hours', () => {
      expect(Date.parse(instant(`${day}T04:00`)) - Date.parse(instant(`${day}T01:00`))).toBe(2 * 3600_000);
    });
  });

  describe.each(OVERLAPS)('autumn change on %s: 02:00–02:59 happens twice', (day) => {
    it('every minute of the repeated hour is refused as ambiguous', () => {
      for (let m = 0; m < 60; m++) {
        const value = `${day}T02:${String(m).padStart(2, '0')}`;
        expect(fromLocal(value), value).toEqual({ ok: false, reason: 'ambiguous' });
      }
    });
    it('01:59 is summer time and 03:00 winter time, two hours and a minute later', () => {
      expect(Date.parse(instant(`${day}T03:00`)) - Date.parse(instant(`${day}T01:59`))).toBe(2 * 3600_000 + 60_000);
      expect(instant(`${day}T03:00`)).toBe(`${day}T02:00:00.000Z`);
    });
    it('both instants of the repeated hour read back as 02:30', () => {
      expect(toLocal(new Date(`${day}T00:30:00Z`))).toBe(`${day}T02:30`);
      expect(toLocal(new Date(`${day}T01:30:00Z`))).toBe(`${day}T02:30`);
      expect(offsetMinutes(new Date(`${day}T00:30:00Z`))).toBe(120);
      expect(offsetMinutes(new Date(`${day}T01:30:00Z`))).toBe(60);
    });
  });

  it('refuses impossible dates instead of rolling them over', () => {
    for (const bad of ['2026-02-31T10:00', '2026-02-29T10:00', '2027-02-29T10:00', '2026-04-31T10:00', '2026-13-01T10:00', '2026-00-10T10:00', '2026-01-00T10:00']) {
      expect(fromLocal(bad), bad).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(instant('2028-02-29T10:00')).toBe('2028-02-29T09:00:00.000Z'); // a leap year
  });

  it('refuses what is not a datetime-local value', () => {
    for (const bad of ['', '2026-01-01T24:00', '2026-01-01T10:60', '2026-01-01 10:00', '2026-1-1T10:00', '2026-01-01T10:00:00', 'jutro']) {
      expect(fromLocal(bad), bad).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('round-trips every minute of 2026–2028 outside the repeated hour (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2029, 0, 1) / 60_000 }), (minutes) => {
        const at = new Date(minutes * 60_000);
        const local = toLocal(at);
        const back = fromLocal(local);
        if (back.ok) expect(back.instant.getTime()).toBe(at.getTime());
        else {
          expect(back.reason).toBe('ambiguous');
          expect(local.slice(11, 13)).toBe('02');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the form field', () => {
  it('gives each problem its own message key, and a Date when fine', () => {
    const issue = (v: string) => localDateTime.safeParse(v).error?.issues[0]?.message;
    expect(issue('2026-03-29T02:30')).toBe('time_nonexistent');
    expect(issue('2026-10-25T02:30')).toBe('time_ambiguous');
    expect(issue('2026-02-31T10:00')).toBe('datetime_invalid');
    expect(issue('')).toBe('required');
    expect(localDateTime.parse(' 2026-12-01T18:00 ').toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });
});

describe("the optional field (a survey's opening and closing)", () => {
  it('is null when empty, reads Warsaw time, takes an instant as it is, and refuses the rest', () => {
    expect(optionalLocalDateTime.parse('')).toBeNull();
    expect(optionalLocalDateTime.parse(null)).toBeNull();
    expect(optionalLocalDateTime.parse('2026-07-01T08:00')?.toISOString()).toBe('2026-07-01T06:00:00.000Z');
    const at = new Date('2026-10-25T00:30:00Z');
    expect(optionalLocalDateTime.parse(at)).toBe(at);
    const issue = (v: unknown) => optionalLocalDateTime.safeParse(v).error?.issues[0]?.message;
    expect(issue('2027-03-28T02:10')).toBe('time_nonexistent');
    expect(issue('2027-10-31T02:10')).toBe('time_ambiguous');
    expect(issue('2026-06-31T10:00')).toBe('datetime_invalid');
    expect(issue(42)).toBe('datetime_invalid');
  });

  it("an instant shows in the field as Warsaw time, whatever the machine's zone", () => {
    expect(toLocalInput(new Date('2026-07-01T06:00:00Z'))).toBe('2026-07-01T08:00');
    expect(toLocalInput('2026-12-01T17:00:00.000Z')).toBe('2026-12-01T18:00');
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('nonsense')).toBe('');
  });
});

describe('instant to Warsaw calendar', () => {
  it('offsets are 60 or 120 minutes', () => {
    expect(offsetMinutes(new Date('2026-01-01T12:00:00Z'))).toBe(60);
    expect(offsetMinutes(new Date('2026-06-01T12:00:00Z'))).toBe(120);
  });

  it('month ranges start at local midnight, across a change of offset', () => {
    const march = monthRange(2026, 3);
    expect(march.from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(march.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(monthRange(2026, 12).to.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(dayKey(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(localParts(new Date('2026-12-31T23:30:00Z'))).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 30, second: 0 });
  });

  it('quarters are Warsaw quarters', () => {
    expect(quarterOf(new Date('2026-12-31T23:30:00Z'))).toBe(20271);
    expect(quarterOf(new Date('2026-03-31T21:59:00Z'))).toBe(20261);
    expect(quarterOf(new Date('2026-03-31T22:00:00Z'))).toBe(20262);
  });

  it('days from today count Warsaw days, and a skipped time is an error', () => {
    const now = new Date('2026-03-28T23:30:00Z'); // already 29 March in Warsaw
    expect(daysFromToday(0, '12:00', now).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(daysFromToday(-1, '12:00', now).toISOString()).toBe('2026-03-28T11:00:00.000Z');
    expect(() => daysFromToday(0, '02:30', now)).toThrow(/nonexistent/);
  });
});
