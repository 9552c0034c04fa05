'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { localize, visibleQuestionIds, type AnswerValue } from '@/lib/surveys/definition';
import { stepErrors } from '@/lib/surveys/step-check';
import { questionsOfStep, stepLayout, withAnswer, withoutError } from '@/lib/surveys/steps';
import { translatedContent } from '@/lib/i18n/content-lang';
import { ErrorSummary, StepMessage } from './step-notices';
import { AnswersReview } from './answers-review';
import { ConsentStep } from './consent-step';
import { ProfileFields } from './profile-fields';
import { QuestionField } from './question-field';
import type { SurveyFillProps } from './fill/survey-fill';
import { useSurveyDraft, type Draft, type Errors } from './survey-draft';

/** What the preview shows of the resident's form: the questions and who may answer, never an address to send to. */
export type SurveyPreviewProps = Pick<SurveyFillProps, 'slug' | 'definition' | 'responseMode' | 'communes' | 'localities' | 'controller'>;

/**
 * The staff's preview of a questionnaire, draft or published: the resident's steps, questions and
 * checks (the survey's own schema, as the server uses it) and the review, but nothing is sent —
 * the last step says so. The answers given are kept in this browser under the preview's own key,
 * apart from a resident's. The resident's form is components/surveys/fill/survey-fill.tsx; both
 * draw the questions with the same components.
 */
export function SurveyPreview(props: SurveyPreviewProps) {
  const { definition, slug } = props;
  const t = useTranslations('surveys.fill');
  const locale = useLocale();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; key: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const sections = definition.sections;
  const { firstSection, profileStep, reviewStep, total: totalSteps } = stepLayout(definition);

  const [draft, setDraft] = useSurveyDraft(`agora-survey:preview:${slug}`, false, () => setMessage({ tone: 'info', key: 'restored' }));

  if (!draft) {
    return <p role="status">{t('loading')}</p>;
  }

  const visible = visibleQuestionIds(definition, draft.answers);
  const step = Math.min(draft.step, reviewStep);
  const section = step >= firstSection && step < profileStep ? sections[step - firstSection]! : null;

  function update(change: Partial<Draft>) {
    setDraft((d) => (d ? { ...d, ...change } : d));
  }
  function setAnswer(id: string, value: AnswerValue | undefined) {
    setDraft((d) => (d ? withAnswer(d, id, value) : d));
    setErrors((e) => withoutError(e, `answers.${id}`));
  }

  function goTo(s: number) {
    setErrors({});
    setMessage(null);
    update({ step: s });
    requestAnimationFrame(() => {
      headingRef.current?.focus();
      window.scrollTo({ top: 0 });
    });
  }

  function next() {
    const found = stepErrors(definition, draft!, step, { communeIds: props.communes.map((c) => c.id), invitation: props.responseMode === 'invitation' });
    if (Object.keys(found).length === 0) return goTo(step + 1);
    setErrors(found);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const stepTitle = step === 0 ? t('consentTitle') : step === profileStep ? t('profileTitle') : step === reviewStep ? t('reviewTitle') : localize(section!.title, locale);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (step === reviewStep) setMessage({ tone: 'info', key: 'previewNotSent' });
        else next();
      }}
      className="space-y-6"
    >
      <div className="space-y-1">
        <p id="survey-progress-label" className="text-sm text-muted">
          {t('progress', { step: step + 1, total: totalSteps })}
        </p>
        <progress aria-labelledby="survey-progress-label" max={totalSteps} value={step + 1} className="h-3 w-full accent-brand-700" />
      </div>

      <h2 ref={headingRef} tabIndex={-1} className="focus:outline-none" lang={section ? translatedContent(section.title, locale) : undefined}>
        {stepTitle}
      </h2>
      {section && localize(section.description, locale) ? (
        <p className="whitespace-pre-line" lang={translatedContent(section.title, locale)}>
          {localize(section.description, locale)}
        </p>
      ) : null}

      <StepMessage message={message} />
      <ErrorSummary ref={summaryRef} errors={errors} definition={definition} />

      {step === 0 ? (
        <ConsentStep
          consent={draft.consent}
          code={draft.code}
          needsCode={props.responseMode === 'invitation'}
          controller={props.controller}
          errors={errors}
          onConsent={(consent) => update({ consent })}
          onCode={(code) => update({ code })}
        />
      ) : null}

      {questionsOfStep(definition, step).map((q) =>
        visible.has(q.id) ? <QuestionField key={q.id} question={q} value={draft.answers[q.id]} error={errors[`answers.${q.id}`]} paper={false} onChange={(v) => setAnswer(q.id, v)} /> : null,
      )}

      {step === profileStep ? (
        <ProfileFields definition={definition} profile={draft.profile} errors={errors} communes={props.communes} localities={props.localities} onChange={(profile) => update({ profile })} />
      ) : null}

      {step === reviewStep ? <AnswersReview definition={definition} answers={draft.answers} visible={visible} onEdit={(s) => goTo(s + firstSection)} /> : null}

      <div className="flex flex-wrap gap-3 border-t border-gray-200 pt-4">
        {step > 0 ? (
          <Button type="button" variant="secondary" onClick={() => goTo(step - 1)}>
            {t('back')}
          </Button>
        ) : null}
        <Button type="submit">{step === reviewStep ? t('previewSubmit') : t('next')}</Button>
      </div>
      <p className="text-sm text-muted">{t('autosaveNote')}</p>
    </form>
  );
}
