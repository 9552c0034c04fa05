import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth';
import { canSeeAllResults } from '@/lib/results/permissions';

const VIEWS = [
  ['overview', ''],
  ['priorities', '/priorities'],
  ['matrix', '/matrix'],
  ['explorer', '/explorer'],
  ['forum', '/forum'],
  ['report', '/report'],
  ['remarks', '/remarks'],
] as const;

/** The views of one survey's results; the current one is marked for screen readers too. */
export async function ResultsNav({ slug, current }: { slug: string; current: (typeof VIEWS)[number][0] }) {
  const t = await getTranslations('results.nav');
  // Residents' remarks are for analysts and coordinators only: the public never sees the link.
  const staff = canSeeAllResults(await getCurrentUser());
  return (
    <nav aria-label={t('label')} className="mb-6 print:hidden">
      <ul className="flex flex-wrap gap-2">
        {VIEWS.filter(([view]) => staff || view !== 'remarks').map(([view, path]) => (
          <li key={view}>
            <Link
              href={`/results/${slug}${path}`}
              aria-current={view === current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border-2 px-3 py-2 font-semibold no-underline ${view === current ? 'border-brand-700 bg-brand-700 text-white' : 'border-brand-700 text-brand-800 hover:bg-brand-50'}`}
            >
              {t(view)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
