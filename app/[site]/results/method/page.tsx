import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { numberFormat } from '@/lib/i18n/number-format';
import { perturbationTable } from '@/lib/results/disclosure';
import { minGroup } from '@/lib/results/queries';
import { pageSite, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('results.method'))('title') };
}

/**
 * How published figures are protected, in plain words, with the perturbation table for the
 * deployment's threshold: the same table lib/results/disclosure.ts applies (public by design).
 */
export default async function ResultsMethodPage({ params }: { params: SiteParams }) {
  await pageSite(params);
  const [t, locale] = await Promise.all([getTranslations('results.method'), getLocale()]);
  const k = minGroup();
  const percent = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { style: 'percent', maximumFractionDigits: 0 });
  const count = numberFormat(locale);
  const rows = perturbationTable(k, k + 1);
  const sections = ['groups', 'noise', 'derived', 'differ', 'who'] as const;
  return (
    <article className="max-w-3xl space-y-6">
      <PageHeader title={t('title')} lead={t('intro')} />
      {sections.map((key) => (
        <section key={key} aria-labelledby={`method-${key}`} className="space-y-2">
          <h2 id={`method-${key}`}>{t(`${key}Title`)}</h2>
          <p>{t(key, { k })}</p>
        </section>
      ))}
      <section aria-labelledby="method-table" className="space-y-2">
        <h2 id="method-table">{t('tableTitle', { k })}</h2>
        <p>{t('tableLead')}</p>
        <table className="border-collapse text-sm">
          <caption className="sr-only">{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-gray-300 px-3 py-1 text-left">
                {t('trueCount')}
              </th>
              <th scope="col" className="border border-gray-300 px-3 py-1 text-left">
                {t('shownAs')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.count}>
                <th scope="row" className="border border-gray-300 px-3 py-1 text-left font-normal">
                  {count.format(row.count)}
                </th>
                <td className="border border-gray-300 px-3 py-1">
                  {row.outcomes.map((o) => `${count.format(o.published)} (${percent.format(o.probability)})`).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('andMore', { count: k + 2, k })}</p>
      </section>
    </article>
  );
}
