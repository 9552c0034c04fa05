import type { ReactNode } from 'react';
import { SelectField } from '@/components/ui/field';
import type { ResultsText } from '@/lib/results/text';

/**
 * Chooses the commune (or the whole county) of a view: a plain GET form, works without script.
 * `children` are further choices of the view (an area), sent with the same button.
 */
export function ScopeForm({
  action,
  communes,
  communeId,
  allowCounty = true,
  text,
  children,
}: {
  action: string;
  communes: { id: number; name: string }[];
  communeId: number | null;
  allowCounty?: boolean;
  text: ResultsText;
  children?: ReactNode;
}) {
  const { t } = text;
  return (
    <form method="get" action={action} className="mb-6 flex flex-wrap items-end gap-3 print:hidden">
      <SelectField
        name="commune"
        label={t('scope')}
        defaultValue={communeId === null ? '' : String(communeId)}
        options={[...(allowCounty ? [{ value: '', label: t('county') }] : []), ...communes.map((c) => ({ value: String(c.id), label: c.name }))]}
      />
      {children}
      <button type="submit" className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t('show')}
      </button>
    </form>
  );
}
