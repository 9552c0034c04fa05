'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { allQuestions, localize, responseSchema, visibleQuestionIds, type AnswerValue, type Question, type SurveyDefinition } from '@/lib/surveys/definition';
import type { DataController } from '@/lib/county';
import { ErrorSummary, Honeypot, StepMessage } from './step-notices';
import { AnswersReview } from './answers-review';
import { ConsentStep } from './consent-step';
import { ProfileFields } from './profile-fields';
import { QuestionField } from './question-field';
import { newDraft, useSurveyDraft, type Draft, type Errors } from './survey-draft';
import { translatedContent } from '@/lib/i18n/content-lang';

export interface SurveyFormProps {
  slug: string;
  title: string;
  definition: SurveyDefinition;
  responseMode: 'open_link' | 'invitation';
  communes: { id: number; name: string }[];
  localities: { id: number; name: string; communeId: number }[];
  /** online: a resident, step by step; paper: an operator, one page, again and again; preview: no sending. */
  mode: 'online' | 'paper' | 'preview';
  submitUrl: string;
  /** Who controls the data, for the consent step's information clause (the deployment's office). */
  controller: DataController;
  /** Paper mode: forms this operator has entered before this visit. */
  enteredBefore?: number;
}

/**
 * The questionnaire. Checks each step with the survey's own schema (the server uses the same one),
 * keeps every answer in localStorage as the resident goes (a reload or a failed submit loses
 * nothing) and sends a submission id made once per questionnaire, so a retry never duplicates.
 */
export function SurveyForm(props: SurveyFormProps) {
  const { definition, mode, slug } = props;
  const t = useTranslations('surveys.fill');
  const locale = useLocale();
  const storageKey = `agora-survey:${mode}:${slug}`;
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; key: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const [entered, setEntered] = useState(props.enteredBefore ?? 0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const schema = useMemo(() => responseSchema(definition, { communeIds: props.communes.map((c) => c.id) }), [definition, props.communes]);
  const paper = mode === 'paper';
  const hasConsentStep = !paper;
  // Steps: [consent], each section, profile, review (online and preview); paper: one page.
  const sections = definition.sections;
  const firstSection = hasConsentStep ? 1 : 0;
  const profileStep = firstSection + sections.length;
  const reviewStep = profileStep + 1;
  const totalSteps = reviewStep + 1;

  const [draft, setDraft] = useSurveyDraft(storageKey, done, () => setMessage({ tone: 'info', key: 'restored' }));

  if (!draft) {
    return <p role="status">{t('loading')}</p>;
  }

  const visible = visibleQuestionIds(definition, draft.answers);
  const step = paper ? 0 : Math.min(draft.step, reviewStep);

  function update(change: Partial<Draft>) {
    setDraft((d) => (d ? { ...d, ...change } : d));
  }
  function setAnswer(id: string, value: AnswerValue | undefined) {
    setDraft((d) => {
      if (!d) return d;
      const answers = { ...d.answers };
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete answers[id];
      else answers[id] = value;
      return { ...d, answers };
    });
    setErrors((e) => {
      if (!e[`answers.${id}`]) return e;
      const next = { ...e };
      delete next[`answers.${id}`];
      return next;
    });
  }

  /** The payload as it will be sent: answers to questions hidden by a condition are left out. */
  function payload(d: Draft) {
    const shown = visibleQuestionIds(definition, d.answers);
    const answers = Object.fromEntries(
      Object.entries(d.answers)
        .filter(([id]) => shown.has(id))
        .map(([id, v]) => [id, Array.isArray(v) ? v.filter(Boolean) : v]),
    );
    const website = (formRef.current?.elements.namedItem('website') as HTMLInputElement | null)?.value ?? '';
    return {
      submissionId: d.submissionId,
      consent: paper ? true : d.consent,
      profile: d.profile,
      answers,
      website,
      ...(props.responseMode === 'invitation' && !paper ? { code: d.code } : {}),
    };
  }

  function fieldsOfStep(s: number): (key: string) => boolean {
    if (paper || s >= reviewStep) return () => true;
    if (hasConsentStep && s === 0) return (k) => k === 'consent' || k === 'code';
    if (s === profileStep) return (k) => k.startsWith('profile.');
    const ids = new Set(sections[s - firstSection]!.questions.map((q) => `answers.${q.id}`));
    return (k) => ids.has(k);
  }

  function validate(s: number): Errors {
    const parsed = schema.safeParse(payload(draft!));
    const found: Errors = {};
    if (parsed.success) return found;
    const inStep = fieldsOfStep(s);
    for (const issue of parsed.error.issues) {
      const key = issue.path.slice(0, 2).join('.');
      if (inStep(key) && !found[key]) found[key] = issue.message;
    }
    if (s === 0 && hasConsentStep && props.responseMode === 'invitation' && !draft!.code.trim()) found.code = 'invitation_code_required';
    return found;
  }

  function showErrors(found: Errors) {
    setErrors(found);
    requestAnimationFrame(() => summaryRef.current?.focus());
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
    const found = validate(step);
    if (Object.keys(found).length > 0) return showErrors(found);
    goTo(step + 1);
  }

  /** The step holding a field, for errors the server found. */
  function stepOf(key: string): number {
    if (key === 'consent' || key === 'code') return 0;
    if (key.startsWith('profile.')) return profileStep;
    const id = key.split('.')[1];
    const index = sections.findIndex((s) => s.questions.some((q) => q.id === id));
    return index < 0 ? reviewStep : firstSection + index;
  }

  async function submit() {
    if (mode === 'preview') {
      setMessage({ tone: 'info', key: 'previewNotSent' });
      return;
    }
    const found = validate(reviewStep);
    if (Object.keys(found).length > 0) {
      if (!paper) update({ step: Math.min(...Object.keys(found).map(stepOf)) });
      return showErrors(found);
    }
    setSending(true);
    setMessage(null);
    let response: Response;
    try {
      response = await fetch(props.submitUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload(draft!)),
      });
    } catch {
      setSending(false);
      setMessage({ tone: 'error', key: 'survey_offline' });
      return;
    }
    setSending(false);
    const body = (await response.json().catch(() => null)) as { status?: string; message?: string; fieldErrors?: Record<string, string[]> } | null;
    if (response.ok && body?.status) {
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // Nothing to clean.
      }
      if (paper) {
        setEntered((n) => n + 1);
        setDraft(newDraft());
        setErrors({});
        setMessage({ tone: 'info', key: 'paperSaved' });
        requestAnimationFrame(() => {
          window.scrollTo({ top: 0 });
          formRef.current?.querySelector<HTMLElement>('select, input:not([type=hidden])')?.focus();
        });
      } else {
        setDone(true);
        requestAnimationFrame(() => headingRef.current?.focus());
      }
      return;
    }
    const fieldErrors = body?.fieldErrors ?? {};
    const keys = Object.keys(fieldErrors);
    if (keys.length > 0) {
      const mapped: Errors = {};
      for (const k of keys) mapped[k.split('.').slice(0, 2).join('.')] = fieldErrors[k]![0]!;
      if (!paper) update({ step: Math.min(...keys.map(stepOf)) });
      showErrors(mapped);
      return;
    }
    setMessage({ tone: 'error', key: body?.message && body.message !== 'unexpected' ? body.message : 'survey_server_error' });
  }

  if (done) {
    return (
      <section aria-labelledby="survey-done" className="space-y-4">
        <h2 id="survey-done" ref={headingRef} tabIndex={-1}>
          {t('thanksTitle')}
        </h2>
        <p role="status">{t('thanksBody')}</p>
      </section>
    );
  }

  const stepTitle = paper
    ? t('paperTitle')
    : hasConsentStep && step === 0
      ? t('consentTitle')
      : step === profileStep
        ? t('profileTitle')
        : step === reviewStep
          ? t('reviewTitle')
          : localize(sections[step - firstSection]!.title, locale);


  // Enter moves to the next field on the paper form (a textarea keeps Enter for new lines).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (!paper || event.key !== 'Enter') return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    event.preventDefault();
    const fields = [...formRef.current!.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([tabindex="-1"]), select, textarea, button[type=submit]')].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    // Radios of one group count once: jump past the rest of the group.
    let index = fields.indexOf(target);
    const name = target.getAttribute('name');
    while (index + 1 < fields.length && name && fields[index + 1]!.getAttribute('name') === name) index++;
    fields[index + 1]?.focus();
  }

  const questionsOfStep: Question[] = paper
    ? allQuestions(definition)
    : step >= firstSection && step < profileStep
      ? sections[step - firstSection]!.questions
      : [];

  return (
    <form
      ref={formRef}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        if (paper || step === reviewStep) void submit();
        else next();
      }}
      className="space-y-6"
    >
      {paper ? (
        <p role="status" aria-live="polite" className="font-semibold">
          {t('paperCounter', { count: entered })}
        </p>
      ) : (
        <div className="space-y-1">
          <p id="survey-progress-label" className="text-sm text-muted">
            {t('progress', { step: step + 1, total: totalSteps })}
          </p>
          <progress aria-labelledby="survey-progress-label" max={totalSteps} value={step + 1} className="h-3 w-full accent-brand-700" />
        </div>
      )}

      <h2 ref={headingRef} tabIndex={-1} className="focus:outline-none" lang={!paper && step >= firstSection && step < profileStep ? translatedContent(sections[step - firstSection]!.title, locale) : undefined}>
        {stepTitle}
      </h2>
      {!paper && step >= firstSection && step < profileStep && localize(sections[step - firstSection]!.description, locale) ? (
        <p className="whitespace-pre-line" lang={translatedContent(sections[step - firstSection]!.title, locale)}>
          {localize(sections[step - firstSection]!.description, locale)}
        </p>
      ) : null}

      <StepMessage message={message} />
      <ErrorSummary ref={summaryRef} errors={errors} definition={definition} />
      <Honeypot />

      {hasConsentStep && step === 0 ? (
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

      {questionsOfStep.map((q) =>
        visible.has(q.id) ? (
          <QuestionField key={q.id} question={q} value={draft.answers[q.id]} error={errors[`answers.${q.id}`]} paper={paper} onChange={(v) => setAnswer(q.id, v)} />
        ) : null,
      )}

      {paper || step === profileStep ? (
        <ProfileFields definition={definition} profile={draft.profile} errors={errors} communes={props.communes} localities={props.localities} onChange={(profile) => update({ profile })} />
      ) : null}

      {!paper && step === reviewStep ? <AnswersReview definition={definition} answers={draft.answers} visible={visible} onEdit={(s) => goTo(s + firstSection)} /> : null}

      <div className="flex flex-wrap gap-3 border-t border-gray-200 pt-4">
        {!paper && step > 0 ? (
          <Button type="button" variant="secondary" onClick={() => goTo(step - 1)}>
            {t('back')}
          </Button>
        ) : null}
        <Button type="submit" pending={sending}>
          {paper ? t('paperSave') : step === reviewStep ? (mode === 'preview' ? t('previewSubmit') : t('submit')) : t('next')}
        </Button>
      </div>
      {!paper ? <p className="text-sm text-muted">{t('autosaveNote')}</p> : null}
    </form>
  );
}
