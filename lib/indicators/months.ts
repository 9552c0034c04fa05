// Calendar months as "YYYY-MM" keys (Warsaw months: lib/local-time turns them into instants).
// Browser-safe and pure: the filter form and the tables use them too.

export const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(key: string): { year: number; month: number } {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new Error(`not a month: ${key}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month `n` months after `key` (before, for a negative n). */
export function addMonths(key: string, n: number): string {
  const { year, month } = parseMonth(key);
  const index = year * 12 + (month - 1) + n;
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

/** How many months from `from` to `to`, both included (0 when from is after to). */
export function monthCount(from: string, to: string): number {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return Math.max(0, (b.year - a.year) * 12 + (b.month - a.month) + 1);
}

/** Every month from `from` to `to`, both included, in order (empty when from is after to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let key = from; key <= to; key = addMonths(key, 1)) out.push(key);
  return out;
}
