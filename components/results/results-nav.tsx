import Link from 'next/link';
import type { ResultsText } from '@/lib/results/text';

const VIEWS = [
  ['overview', ''],
  ['priorities', '/priorities'],
  ['matrix', '/matrix'],
  ['explorer', '/explorer'],
  ['forum', '/forum'],
  ['report', '/report'],
  ['remarks', '/remarks'],
] as const;

/**
 * The views of one survey's results; the current one is marked for screen readers too. Residents'
 * remarks are for analysts and coordinators only (`staff`): the public never sees the link.
 */
export function ResultsNav({ slug, current, staff, text }: { slug: string; current: (typeof VIEWS)[number][0]; staff: boolean; text: ResultsText }) {
  return (
    <nav aria-label={text.t('nav.label')} className="mb-6 print:hidden">
      <ul className="flex flex-wrap gap-2">
        {VIEWS.filter(([view]) => staff || view !== 'remarks').map(([view, path]) => (
          <li key={view}>
            <Link
              href={`/results/${slug}${path}`}
              aria-current={view === current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border-2 px-3 py-2 font-semibold no-underline ${view === current ? 'border-brand-700 bg-brand-700 text-white' : 'border-brand-700 text-brand-800 hover:bg-brand-50'}`}
            >
              {text.t(`nav.${view}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
