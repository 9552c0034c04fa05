import { getTranslations } from 'next-intl/server';

/** Says how small groups are hidden and who sees free text. */
export async function ResultsNotes({ k }: { k: number }) {
  const t = await getTranslations('results');
  return (
    <div className="mt-8 space-y-1 border-t border-gray-300 pt-4 text-sm text-muted">
      <p>{t('suppressionNote', { k })}</p>
      <p>{t('freeTextNote')}</p>
    </div>
  );
}
