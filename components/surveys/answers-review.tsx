'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { Question, SurveyDefinition } from '@/lib/surveys/definition';
import { DONT_KNOW, localize, type AnswerValue, type Answers } from '@/lib/surveys/questions';

/** An answer in words: the chosen options' labels, a scale point with its label ("4 – Dobrze"). */
function describe(q: Question, value: AnswerValue, locale: string, t: (key: string, values?: Record<string, string | number>) => string): string {
  const label = (options: { value: string; label: { pl: string; en: string } }[], v: string) => localize(options.find((o) => o.value === v)?.label, locale) || v;
  const point = (labels: { pl: string; en: string }[], v: number | 'dk') => {
    if (v === DONT_KNOW) return t('dontKnow');
    const text = localize(labels[v - 1], locale);
    return text && text !== String(v) ? `${v} – ${text}` : String(v);
  };
  switch (q.type) {
    case 'single_choice':
      return label(q.options, value as string);
    case 'multiple_choice':
      return (value as string[]).map((v) => label(q.options, v)).join(', ');
    case 'rating':
      return point(q.scaleLabels, value as number | 'dk');
    case 'matrix':
      return q.rows
        .filter((r) => (value as Record<string, number | 'dk'>)[r.value] !== undefined)
        .map((r) => `${localize(r.label, locale)}: ${point(q.scaleLabels, (value as Record<string, number | 'dk'>)[r.value]!)}`)
        .join('; ');
    case 'ranking':
      return (value as string[])
        .filter(Boolean)
        .map((v, i) => `${i + 1}. ${label(q.items, v)}`)
        .join(', ');
    default:
      return String(value);
  }
}

/**
 * The answers of every section, each with a "change" control back to its step: a button calling
 * `onEdit`, or — where the form is posted to the server — a submit button naming the step.
 */
export function AnswersReview({ definition, answers, visible, onEdit, editStep }: {
  definition: SurveyDefinition;
  answers: Answers;
  visible: Set<string>;
  onEdit?: (section: number) => void;
  /** The step of a section, for the posted form's "change" buttons (intent goto:<step>). */
  editStep?: (section: number) => number;
}) {
  const t = useTranslations('surveys.fill');
  const locale = useLocale();
  return (
    <div className="space-y-6">
      <p>{t('reviewLead')}</p>
      {definition.sections.map((section, index) => (
        <section key={section.id} aria-labelledby={`review-${section.id}`} className="space-y-2">
          {/* "Change" stays at the heading's right: wrapped under a long heading it sat astray. */}
          <div className="flex items-baseline justify-between gap-3">
            <h3 id={`review-${section.id}`} className="min-w-0">
              {localize(section.title, locale)}
            </h3>
            <Button
              type={onEdit ? 'button' : 'submit'}
              variant="link"
              className="shrink-0"
              {...(onEdit ? { onClick: () => onEdit(index) } : { name: 'intent', value: `goto:${editStep?.(index) ?? index}` })}
              aria-label={t('editSection', { section: localize(section.title, locale) })}
            >
              {t('edit')}
            </Button>
          </div>
          <dl className="space-y-2">
            {section.questions
              .filter((q) => visible.has(q.id))
              .map((q) => (
                <div key={q.id}>
                  <dt className="font-semibold">{localize(q.label, locale)}</dt>
                  <dd className="text-muted">{answers[q.id] === undefined ? t('noAnswer') : describe(q, answers[q.id]!, locale, t as never)}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
