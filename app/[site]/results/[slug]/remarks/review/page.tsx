import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ReviewQueue } from '@/components/results/review-queue';
import { reviewFreeTextAction } from '../actions';
import { SelectField } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { getReviewQueue } from '@/lib/results/free-text';
import { freeTextFiltersSchema } from '@/lib/results/schema';
import { pick } from '@/lib/results/tables';
import type { Localized } from '@/lib/surveys/definition';
import { loadView, param, query, type SearchParams } from '../../../load';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('freeText'))('reviewTitle') };
}

/** The free-text review queue: oldest pending remarks first, decided one by one from the keyboard. */
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/results/${slug}/remarks/review`)}`);
  const filters = freeTextFiltersSchema.parse({ questionId: param(sp, 'question') ?? null, after: param(sp, 'after') });
  const [data, t, locale, format] = await Promise.all([
    loadView(getReviewQueue({ actor: user, slug, questionId: filters.questionId, after: filters.after })),
    getTranslations('freeText'),
    getLocale(),
    getFormatter(),
  ]);
  const label = (q: { section: Localized; label: Localized }) => ({ section: pick(q.section, locale), question: pick(q.label, locale) });
  return (
    <div>
      <PageHeader title={t('reviewTitle')} lead={t('reviewLead')} />
      <p className="mb-4">
        <Link href={`/results/${slug}/remarks`}>{t('backToRemarks')}</Link>
      </p>
      <form method="get" action={`/results/${slug}/remarks/review`} className="mb-6 flex flex-wrap items-end gap-3">
        <SelectField
          name="question"
          label={t('question')}
          defaultValue={data.question?.id ?? ''}
          options={[{ value: '', label: t('allQuestions') }, ...data.questions.map((q) => ({ value: q.id, label: t('questionIn', label(q)) }))]}
        />
        <button type="submit" className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
          {t('apply')}
        </button>
      </form>
      <ReviewQueue
        key={data.items.map((i) => `${i.responseId}/${i.questionId}`).join(',')}
        surveyId={data.survey.id}
        reviewAction={reviewFreeTextAction}
        counts={data.counts}
        skipHref={data.nextCursor ? `/results/${slug}/remarks/review${query({ question: data.question?.id, after: data.nextCursor })}` : null}
        items={data.items.map((item) => ({
          id: `${item.responseId}/${item.questionId}`,
          responseId: item.responseId,
          questionId: item.questionId,
          ...label(item.question),
          commune: item.communeName,
          date: format.dateTime(item.submittedAt, 'dateTime'),
          text: item.text,
        }))}
      />
    </div>
  );
}
