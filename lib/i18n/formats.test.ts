import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createFormatter } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatMeetingTime } from '@/lib/mail/render';
import { formats, type DateTimeFormatName } from './formats';
import { TIME_ZONE } from './locales';

// 17:07 and 00:07 in Warsaw (summer time).
const afternoon = new Date('2026-05-04T15:07:31Z');
const midnight = new Date('2026-05-04T22:07:00Z');

describe('times', () => {
  it('are on a 24-hour clock in English as in Polish, in every named format and in e-mails', () => {
    for (const locale of ['pl', 'en'] as const) {
      const format = createFormatter({ locale, timeZone: TIME_ZONE, formats });
      for (const name of Object.keys(formats.dateTime) as DateTimeFormatName[]) {
        const shown = format.dateTime(afternoon, name);
        expect(shown, `${locale} ${name}`).toContain('17:07');
        expect(shown, `${locale} ${name}`).not.toMatch(/AM|PM/i);
        expect(format.dateTime(midnight, name), `${locale} ${name} at midnight`).toContain('00:07');
      }
      expect(format.dateTimeRange(afternoon, new Date(afternoon.getTime() + 2 * 3600_000), 'fullDateTime')).toMatch(/17:07\D+19:07/);
      expect(formatMeetingTime(locale, afternoon, new Date(afternoon.getTime() + 3600_000))).toMatch(/17:07–18:07$/);
    }
  });

  it('are formatted only through the named formats (no page picks its own time options)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.includes('.test.') && path !== join('lib', 'i18n', 'formats.ts')) {
          if (/timeStyle|\bhour:\s*'|hour12|toLocaleTimeString/.test(readFileSync(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    for (const dir of ['app', 'components', 'lib']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
