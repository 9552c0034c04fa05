import Link from 'next/link';
import type { ResultsText } from '@/lib/results/text';

/** Says how published figures are protected (with a link to the method page) and who sees free text. */
export function ResultsNotes({ k, text }: { k: number; text: ResultsText }) {
  return (
    <div className="mt-8 space-y-1 border-t border-gray-300 pt-4 text-sm text-muted">
      <p>
        {text.t('suppressionNote', { k })} <Link href="/results/method">{text.t('methodLink')}</Link>
      </p>
      <p>{text.t('freeTextNote')}</p>
    </div>
  );
}
