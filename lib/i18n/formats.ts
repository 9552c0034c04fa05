/**
 * The app's date and time formats, by name: format.dateTime(date, 'dateTime') in pages (next-intl
 * gets them from lib/i18n/request.ts), the same options for Intl in e-mails (lib/mail/render.ts).
 * Every time is on a 24-hour clock in every language: English's default would be "5:07 PM" for
 * a meeting Polish readers know as 17:07. hourCycle 'h23', not hour12: false, which writes
 * midnight as "24:07".
 */
const clock = { hourCycle: 'h23' } as const;

export const formats = {
  dateTime: {
    /** 4 May 2026, 17:07 */
    dateTime: { dateStyle: 'medium', timeStyle: 'short', ...clock },
    /** 4 May 2026, 17:07:31 */
    dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium', ...clock },
    /** 04/05/2026, 17:07 */
    shortDateTime: { dateStyle: 'short', timeStyle: 'short', ...clock },
    /** 04/05/2026, 17:07:31 */
    shortDateTimeSeconds: { dateStyle: 'short', timeStyle: 'medium', ...clock },
    /** 4 May 2026 at 17:07 */
    longDateTime: { dateStyle: 'long', timeStyle: 'short', ...clock },
    /** Monday, 4 May 2026 at 17:07 (meetings, often as a range) */
    fullDateTime: { dateStyle: 'full', timeStyle: 'short', ...clock },
    /** 17:07 */
    time: { hour: '2-digit', minute: '2-digit', ...clock },
  },
} as const;

export type DateTimeFormatName = keyof typeof formats.dateTime;
