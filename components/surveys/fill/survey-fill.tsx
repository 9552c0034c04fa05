'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { DataController } from '@/lib/county';
import type { SurveyDefinition } from '@/lib/surveys/definition';
import { translatedContent } from '@/lib/i18n/content-lang';
import { localize, visibleQuestionIds } from '@/lib/surveys/questions';
import { newDraft, questionsOfStep, stepLayout, type FillState } from '@/lib/surveys/steps';
import { AnswersReview } from '../answers-review';
import { ErrorSummary, Honeypot, StepMessage } from '../step-notices';
import { ConsentStep } from '../consent-step';
import { ProfileFields } from '../profile-fields';
import { QuestionField } from '../question-field';
import { DeviceOutcomePanel, DeviceResumeOffer, DeviceSaveNote } from '../device-status';
import { useDeviceSurvey, type DeviceSend } from '../use-device-survey';
import { useHydrated } from '@/components/forms/use-hydrated';
import { loadChecks, useFill, type SendResult } from './use-fill';

/** What the device's send (the outbox) means to the form; a queued one is shown by the device's outcome instead. */
function toFillResult(result: DeviceSend): SendResult {
  if (result.kind === 'sent') return { kind: 'stored' };
  if (result.kind === 'waiting') return { kind: 'failed', message: result.reason === 'offline' ? 'survey_offline' : 'survey_server_error' };
  const { fieldErrors, message } = result.body;
  if (fieldErrors && Object.keys(fieldErrors).length > 0) return { kind: 'refused', fieldErrors, message };
  return { kind: 'failed', message: message && message !== 'unexpected' ? message : 'survey_server_error' };
}

/** The start of a step (its progress line, then its heading). */
const STEP_ANCHOR = 'survey-step';

export interface SurveyFillProps {
  slug: string;
  title: string;
  titleLang?: string;
  intro?: string;
  introLang?: string;
  /** Who may answer and how often, said on the first step. */
  note: string;
  definition: SurveyDefinition;
  /**
   * The questions' fingerprint (surveyVersion), computed by the server: hashing the whole
   * definition in the browser was a few milliseconds of the page's one long start-up task.
   */
  version: string;
  responseMode: 'open_link' | 'invitation';
  communes: { id: number; name: string }[];
  localities: { id: number; name: string; communeId: number }[];
  controller: DataController;
  submitUrl: string;
  /** The state the server rendered: a fresh questionnaire, or where a step posted without JavaScript left it. */
  initial: FillState;
}

/**
 * The resident's questionnaire, one step at a time. The server renders it and, without
 * JavaScript, takes each step's POST (app/_http/survey-step.ts); with JavaScript the same markup moves between
 * steps here, checks each with the shared schema and sends the finished questionnaire as JSON
 * with its submission id (a retry never stores twice). State: useFill.
 */
export function SurveyFill(props: SurveyFillProps) {
  const { definition, slug, initial } = props;
  const t = useTranslations('surveys.fill');
  const locale = useLocale();
  const fill = useFill({
    definition,
    communeIds: props.communes.map((c) => c.id),
    invitation: props.responseMode === 'invitation',
    submitUrl: props.submitUrl,
    initial,
    // The answers are kept on the phone as they are given, and a finished questionnaire goes
    // through the phone's outbox (useDeviceSurvey): with no signal it waits and goes later.
    onChange: (state) => device.keep(state.draft),
    send: async (payload) => toFillResult(await device.send(payload)),
  });
  const device = useDeviceSurvey({
    slug,
    version: props.version,
    mode: 'online',
    submitUrl: props.submitUrl,
    newDraft,
    restore: (draft) => fill.replace(draft),
    startsBlank: !initial.done && initial.draft.step === 0 && Object.keys(initial.draft.answers).length === 0,
  });
  const { state, focus } = fill;
  const { draft, errors, message } = state;
  const { firstSection, profileStep, reviewStep, total } = stepLayout(definition);
  const step = Math.min(draft.step, reviewStep);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const live = useHydrated();

  // Each step change puts the resident at the step's start: its heading focused, the top in view.
  useEffect(() => {
    if (!focus.target) return;
    const target = focus.target === 'heading' ? headingRef.current : focus.target === 'summary' ? summaryRef.current : messageRef.current;
    (focus.target === 'heading' ? topRef.current : target)?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [focus]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // With JavaScript the steps move here; the action stays for the form without it.
    event.preventDefault();
    const intent = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 'next';
    if (intent === 'back') return fill.goTo(step - 1);
    if (intent.startsWith('goto:')) return fill.goTo(Number(intent.slice(5)));
    if (intent === 'submit' && step === reviewStep) {
      const website = (formRef.current?.elements.namedItem('website') as HTMLInputElement | null)?.value ?? '';
      return void fill.submit(website);
    }
    void fill.next();
  }

  // Sent, waiting on the phone, or a questionnaire kept from before: the device says so in place of the form.
  if (device.outcome.kind !== 'filling' || device.offer) {
    return (
      <section className="mx-auto max-w-2xl space-y-5">
        <h1 lang={props.titleLang}>{props.title}</h1>
        {device.outcome.kind !== 'filling' ? (
          <DeviceOutcomePanel outcome={device.outcome} canFillAnother={props.responseMode === 'invitation'} onSendNow={device.sendNow} onBackToForm={device.backToForm} />
        ) : (
          <DeviceResumeOffer
            savedAt={device.offer!.savedAt}
            // Either way the form comes back at its step, with the focus on the step's heading.
            onResume={() => {
              const step = device.offer!.draft.step;
              device.resume();
              fill.goTo(step);
            }}
            onStartOver={() => {
              device.startOver();
              fill.goTo(0);
            }}
          />
        )}
      </section>
    );
  }

  if (state.done) {
    return (
      <section aria-labelledby="survey-done" className="space-y-4">
        <h1>{props.title}</h1>
        <h2 id="survey-done" ref={headingRef} tabIndex={-1}>
          {t('thanksTitle')}
        </h2>
        <p role="status">{t('thanksBody')}</p>
      </section>
    );
  }

  const visible = visibleQuestionIds(definition, draft.answers);
  const section = step >= firstSection && step < profileStep ? definition.sections[step - firstSection]! : null;
  const sectionLang = section ? translatedContent(section.title, locale) : undefined;
  const stepTitle = step === 0 ? t('consentTitle') : step === profileStep ? t('profileTitle') : step === reviewStep ? t('reviewTitle') : localize(section!.title, locale);

  return (
    <form
      ref={formRef}
      // Without JavaScript each step is posted to the page (app/_http/survey-step.ts); the fragment
      // brings the next step's start into view.
      method="post"
      action={`/s/${slug}#${STEP_ANCHOR}`}
      noValidate
      onSubmit={onSubmit}
      // The first touch loads the step checks, so "Next" does not wait for them.
      onFocus={() => void loadChecks()}
      className="mx-auto max-w-2xl space-y-5"
    >
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="draft" value={JSON.stringify(draft)} />
      {/* The long introduction on the first step only; after it a short title keeps the questions near the top. */}
      <header className={step === 0 ? 'space-y-2' : ''}>
        <h1 lang={props.titleLang} className={step === 0 ? '' : 'text-lg'}>
          {props.title}
        </h1>
        {step === 0 && props.intro ? (
          <p lang={props.introLang} className="text-lg text-muted">
            {props.intro}
          </p>
        ) : null}
        {step === 0 ? <p className="text-sm text-muted">{props.note}</p> : null}
      </header>

      <div ref={topRef} id={STEP_ANCHOR} className="scroll-mt-2 space-y-1">
        <p id="survey-progress-label" className="text-sm text-muted">
          {t('progress', { step: step + 1, total })}
        </p>
        <progress aria-labelledby="survey-progress-label" max={total} value={step + 1} className="h-2 w-full accent-brand-700" />
      </div>

      <h2 ref={headingRef} tabIndex={-1} className="focus:outline-none" lang={sectionLang}>
        {stepTitle}
      </h2>
      {section && localize(section.description, locale) ? (
        <p className="whitespace-pre-line" lang={sectionLang}>
          {localize(section.description, locale)}
        </p>
      ) : null}

      <StepMessage message={message} ref={messageRef} />
      <ErrorSummary ref={summaryRef} errors={errors} definition={definition} />
      <Honeypot />

      {step === 0 ? (
        <ConsentStep
          consent={draft.consent}
          code={draft.code}
          needsCode={props.responseMode === 'invitation'}
          controller={props.controller}
          errors={errors}
          onConsent={fill.setConsent}
          onCode={fill.setCode}
        />
      ) : null}

      {questionsOfStep(definition, step).map((q) =>
        visible.has(q.id) ? <QuestionField key={q.id} question={q} value={draft.answers[q.id]} error={errors[`answers.${q.id}`]} paper={false} onChange={(v) => fill.setAnswer(q.id, v)} /> : null,
      )}

      {step === profileStep ? (
        <ProfileFields definition={definition} profile={draft.profile} errors={errors} communes={props.communes} localities={props.localities} onChange={fill.setProfile} />
      ) : null}

      {step === reviewStep ? <AnswersReview definition={definition} answers={draft.answers} visible={visible} editStep={(index) => index + firstSection} /> : null}

      {/* "Next"/"Send" first: Enter in a field presses the form's first button. */}
      <div className="flex flex-wrap gap-3 border-t border-gray-200 pt-4">
        <Button type="submit" name="intent" value={step === reviewStep ? 'submit' : 'next'} pending={fill.sending}>
          {step === reviewStep ? t('submit') : t('next')}
        </Button>
        {step > 0 ? (
          <Button type="submit" name="intent" value="back" variant="secondary">
            {t('back')}
          </Button>
        ) : null}
      </div>
      {/* Kept on the device only when JavaScript runs: without it, nothing is claimed. */}
      {live ? <DeviceSaveNote savedAt={device.savedAt} storageOff={device.storageOff} online={device.online} consent={draft.consent} /> : null}
    </form>
  );
}
