import type { ResultsText } from '@/lib/results/text';

/** Says how small groups are hidden and who sees free text. */
export function ResultsNotes({ k, text }: { k: number; text: ResultsText }) {
  return (
    <div className="mt-8 space-y-1 border-t border-gray-300 pt-4 text-sm text-muted">
      <p>{text.t('suppressionNote', { k })}</p>
      <p>{text.t('freeTextNote')}</p>
    </div>
  );
}
