import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ResultsNav } from '@/components/results/results-nav';
import { Alert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { KeysetPagination } from '@/components/ui/pagination';
import { getCurrentUser } from '@/lib/auth';
import { getReviewQueue, listReviewedRemarks } from '@/lib/results/free-text';
import { canSeeAllResults } from '@/lib/results/permissions';
import { freeTextFiltersSchema } from '@/lib/results/schema';
import { pick } from '@/lib/results/tables';
import { getResultsText } from '@/lib/results/text';
import { loadView, param, query, type SearchParams } from '../../load';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('freeText'))('remarksTitle') };
}

/** Reviewed free-text answers, for analysts and coordinators; pending text never reaches this page. */
export default async function RemarksPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/results/${slug}/remarks`)}`);
  const filters = freeTextFiltersSchema.parse({ questionId: param(sp, 'question') ?? null, communeId: param(sp, 'commune'), after: param(sp, 'after') });
  const [data, queue, t, locale, text] = await Promise.all([
    loadView(listReviewedRemarks({ actor: user, slug, ...filters })),
    loadView(getReviewQueue({ actor: user, slug })),
    getTranslations('freeText'),
    getLocale(),
    getResultsText(),
  ]);
  const here = (after?: string | null) => `/results/${slug}/remarks${query({ question: data.question?.id, commune: filters.communeId, after })}`;
  return (
    <div>
      <PageHeader title={t('remarksTitle')} lead={t('remarksLead')} />
      <ResultsNav slug={slug} current="remarks" staff={canSeeAllResults(user)} text={text} />
      <p className="mb-6">
        <Link href={`/results/${slug}/remarks/review`} className="font-semibold">
          {t('reviewLink', { pending: queue.counts.pending })}
        </Link>
      </p>
      <form method="get" action={`/results/${slug}/remarks`} className="mb-8">
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{t('filters')}</legend>
          <SelectField
            name="question"
            label={t('question')}
            defaultValue={data.question?.id ?? ''}
            options={[{ value: '', label: t('anyQuestion') }, ...data.questions.map((q) => ({ value: q.id, label: t('questionIn', { section: pick(q.section, locale), question: pick(q.label, locale) }) }))]}
          />
          <SelectField
            name="commune"
            label={t('commune')}
            defaultValue={filters.communeId === null ? '' : String(filters.communeId)}
            options={[{ value: '', label: t('anyCommune') }, ...data.communes.map((c) => ({ value: String(c.id), label: c.name }))]}
          />
        </fieldset>
        <button type="submit" className="mt-4 inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t('apply')}
        </button>
      </form>
      <section aria-labelledby="remarks-heading" className="space-y-4">
        <h2 id="remarks-heading">{t('listHeading')}</h2>
        {data.suppressed ? <Alert>{t('tooFew', { k: data.k })}</Alert> : null}
        {!data.suppressed && data.items.length === 0 ? <p>{t('empty')}</p> : null}
        {data.items.length > 0 ? (
          <ul className="space-y-4">
            {data.items.map((item) => (
              <li key={item.id} className="rounded-md border border-gray-300 bg-white p-4">
                <p className="text-sm text-muted">
                  {t('questionIn', { section: pick(item.question.section, locale), question: pick(item.question.label, locale) })} · {item.communeName}
                  {item.redacted ? ` · ${t('redacted')}` : ''}
                </p>
                <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-brand-600 pl-3">{item.text}</blockquote>
              </li>
            ))}
          </ul>
        ) : null}
        <KeysetPagination firstHref={filters.after ? here() : null} nextHref={data.nextCursor ? here(data.nextCursor) : null} />
        {data.hidesSmall && !data.suppressed ? <p className="text-sm text-muted">{t('smallHidden', { k: data.k })}</p> : null}
      </section>
    </div>
  );
}
