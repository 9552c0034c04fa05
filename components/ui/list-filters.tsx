import Link from 'next/link';
import type { ReactNode } from 'react';

// The filters above a list (the forum's threads, the documents): a plain GET form, so they work
// without JavaScript and every filtered list has its own address. Server components: nothing here
// is sent to the browser as script — not components/ui/field.tsx's SelectField, a client component
// (with the field-error loader) that a visitor's kept /forum would then have to download.

export interface FilterOption {
  value: string | number;
  label: string;
}

/** The choice of commune: the county's own items (no commune) first, then each commune. */
export function communeOptions(county: string, communes: readonly { id: number; name: string }[]): FilterOption[] {
  return [{ value: 'county', label: county }, ...communes.map((c) => ({ value: c.id, label: c.name }))];
}

/** The form: a named group of selects, the button that applies them, and a link back to the whole list when any is set. */
export function ListFilters({ legend, apply, clear, children }: { legend: string; apply: string; clear: { href: string; label: string } | null; children: ReactNode }) {
  return (
    <form method="get" className="rounded-md border border-gray-300 p-4">
      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="sr-only">{legend}</legend>
        {children}
        <button type="submit" className="min-h-11 rounded-md border-2 border-brand-700 bg-brand-700 px-4 font-semibold text-white">
          {apply}
        </button>
        {clear ? (
          <Link href={clear.href} prefetch={false}>
            {clear.label}
          </Link>
        ) : null}
      </fieldset>
    </form>
  );
}

/** One filter: its label, "all" (no value) first, then the choices; `value` is what the address holds. */
export function FilterSelect({ name, label, value, all, options }: { name: string; label: string; value: string | number | undefined; all: string; options: FilterOption[] }) {
  const id = `filter-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value === undefined ? '' : String(value)} className="min-h-11 rounded-md border-2 border-gray-500 bg-white px-3">
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
