import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWarsawLocal, toWarsawLocal, warsawDayKey, warsawMonthRange, warsawOffsetMinutes } from './time';

function instant(value: string): string {
  const result = fromWarsawLocal(value);
  if (!result.ok) throw new Error(result.reason);
  return result.instant.toISOString();
}

describe('Warsaw wall clock to instant', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(instant('2026-01-15T10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(instant('2026-07-15T10:00')).toBe('2026-07-15T08:00:00.000Z');
  });

  describe('last Sunday of March 2026 (29 March): clocks go 02:00 → 03:00', () => {
    it('01:59 is still winter time', () => expect(instant('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z'));
    it('02:00–02:59 does not exist and is refused', () => {
      expect(fromWarsawLocal('2026-03-29T02:00')).toEqual({ ok: false, reason: 'nonexistent' });
      expect(fromWarsawLocal('2026-03-29T02:30')).toEqual({ ok: false, reason: 'nonexistent' });
      expect(fromWarsawLocal('2026-03-29T02:59')).toEqual({ ok: false, reason: 'nonexistent' });
    });
    it('03:00 is summer time, one minute after 01:59', () => {
      expect(instant('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
    });
    it('a meeting 01:00–04:00 across the change lasts two hours', () => {
      const ms = Date.parse(instant('2026-03-29T04:00')) - Date.parse(instant('2026-03-29T01:00'));
      expect(ms).toBe(2 * 3600_000);
    });
    it('the day before and after have whole offsets', () => {
      expect(instant('2026-03-28T10:00')).toBe('2026-03-28T09:00:00.000Z');
      expect(instant('2026-03-30T10:00')).toBe('2026-03-30T08:00:00.000Z');
    });
  });

  describe('last Sunday of October 2026 (25 October): clocks go 03:00 → 02:00', () => {
    it('01:59 is summer time', () => expect(instant('2026-10-25T01:59')).toBe('2026-10-24T23:59:00.000Z'));
    it('the repeated hour 02:00–02:59 takes its first (summer-time) occurrence', () => {
      expect(instant('2026-10-25T02:00')).toBe('2026-10-25T00:00:00.000Z');
      expect(instant('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    });
    it('03:00 is winter time', () => expect(instant('2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z'));
    it('a meeting 01:00–04:00 across the change lasts four hours', () => {
      const ms = Date.parse(instant('2026-10-25T04:00')) - Date.parse(instant('2026-10-25T01:00'));
      expect(ms).toBe(4 * 3600_000);
    });
    it('both instants of the repeated hour read back as 02:30', () => {
      expect(toWarsawLocal(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30');
      expect(toWarsawLocal(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30');
    });
  });

  it('also on the 2027 change days (28 March, 31 October)', () => {
    expect(fromWarsawLocal('2027-03-28T02:15').ok).toBe(false);
    expect(instant('2027-03-28T03:00')).toBe('2027-03-28T01:00:00.000Z');
    expect(instant('2027-10-31T03:00')).toBe('2027-10-31T02:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const bad of ['', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00', 'jutro']) {
      expect(fromWarsawLocal(bad), bad).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('offsets are 60 or 120 minutes', () => {
    expect(warsawOffsetMinutes(new Date('2026-01-01T12:00:00Z'))).toBe(60);
    expect(warsawOffsetMinutes(new Date('2026-06-01T12:00:00Z'))).toBe(120);
  });

  it('round-trips every whole minute of 2026–2028 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2029, 0, 1) / 60_000 }), (minutes) => {
        const at = new Date(minutes * 60_000);
        const local = toWarsawLocal(at);
        const back = fromWarsawLocal(local);
        expect(back.ok).toBe(true);
        // In the repeated October hour the earlier instant comes back; elsewhere the same one.
        if (back.ok) expect([0, -3600_000]).toContain(back.instant.getTime() - at.getTime());
        if (back.ok && back.instant.getTime() !== at.getTime()) expect(local.slice(11, 13)).toBe('02');
      }),
      { numRuns: 2000 },
    );
  });

  it('month ranges start at local midnight, across a change of offset', () => {
    const march = warsawMonthRange(2026, 3);
    expect(march.from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(march.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    const december = warsawMonthRange(2026, 12);
    expect(december.to.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(warsawDayKey(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
  });
});
