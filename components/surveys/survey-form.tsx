'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useErrorText } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import {
  allQuestions,
  DONT_KNOW,
  localize,
  rankingLength,
  responseSchema,
  visibleQuestionIds,
  type AnswerValue,
  type Answers,
  type Question,
  type SurveyDefinition,
} from '@/lib/surveys/definition';

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
  /** Paper mode: forms this operator has entered before this visit. */
  enteredBefore?: number;
}

interface Profile {
  communeId: string;
  localityId: string;
  ageGroup: string;
  respondentType: string;
}

interface Draft {
  submissionId: string;
  consent: boolean;
  code: string;
  answers: Answers;
  profile: Profile;
  step: number;
}

type Errors = Record<string, string>;

const emptyProfile: Profile = { communeId: '', localityId: '', ageGroup: '', respondentType: '' };

function newDraft(): Draft {
  return { submissionId: crypto.randomUUID(), consent: false, code: '', answers: {}, profile: emptyProfile, step: 0 };
}

const fieldId = (key: string) => `f-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/**
 * The questionnaire. Checks each step with the survey's own schema (the server uses the same one),
 * keeps every answer in localStorage as the resident goes (a reload or a failed submit loses
 * nothing) and sends a submission id made once per questionnaire, so a retry never duplicates.
 */
export function SurveyForm(props: SurveyFormProps) {
  const { definition, mode, slug } = props;
  const t = useTranslations('surveys.fill');
  const errorText = useErrorText();
  const locale = useLocale();
  const storageKey = `agora-survey:${mode}:${slug}`;
  const [draft, setDraft] = useState<Draft | null>(null);
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

  // Restore after a reload; start a new questionnaire otherwise. Only in the browser, after hydration.
  useEffect(() => {
    let restored: Draft | null = null;
    try {
      const saved = localStorage.getItem(storageKey);
      if (saved) restored = { ...newDraft(), ...(JSON.parse(saved) as Draft) };
    } catch {
      restored = null;
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    setDraft(restored ?? newDraft());
    if (restored && Object.keys(restored.answers).length > 0) setMessage({ tone: 'info', key: 'restored' });
  }, [storageKey]);

  useEffect(() => {
    if (!draft || done) return;
    try {
      localStorage.setItem(storageKey, JSON.stringify(draft));
    } catch {
      // Private mode or a full disk: the form still works, it just won't survive a reload.
    }
  }, [draft, storageKey, done]);

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

  const errorList = Object.entries(errors);
  const stepTitle = paper
    ? t('paperTitle')
    : hasConsentStep && step === 0
      ? t('consentTitle')
      : step === profileStep
        ? t('profileTitle')
        : step === reviewStep
          ? t('reviewTitle')
          : localize(sections[step - firstSection]!.title, locale);

  const questionLabel = (key: string) => {
    if (key === 'consent') return t('consentLabel');
    if (key === 'code') return t('codeLabel');
    if (key.startsWith('profile.')) return t(`profile.${key.slice(8)}` as never);
    const q = allQuestions(definition).find((x) => x.id === key.split('.')[1]);
    return q ? localize(q.label, locale) : key;
  };

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

      <h2 ref={headingRef} tabIndex={-1} className="focus:outline-none">
        {stepTitle}
      </h2>
      {!paper && step >= firstSection && step < profileStep && localize(sections[step - firstSection]!.description, locale) ? (
        <p className="whitespace-pre-line">{localize(sections[step - firstSection]!.description, locale)}</p>
      ) : null}

      {message ? (
        <div role={message.tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 px-4 py-3 ${message.tone === 'error' ? 'border-danger bg-red-50 text-red-900' : 'border-sky-700 bg-sky-50 text-sky-900'}`}>
          {message.tone === 'error' ? errorText(message.key) : t(message.key as never)}
        </div>
      ) : null}

      {errorList.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-md border-l-4 border-danger bg-red-50 px-4 py-3 text-red-900">
          <h3 className="text-base">{t('errorSummary', { count: errorList.length })}</h3>
          <ul className="list-disc pl-5">
            {errorList.map(([key, code]) => (
              <li key={key}>
                <a href={`#${fieldId(key)}`}>
                  {questionLabel(key)}: {errorText(code)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {/* The honeypot: hidden from people and screen readers; bots fill every field. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="survey-website">{t('honeypot')}</label>
        <input id="survey-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      {hasConsentStep && step === 0 ? (
        <ConsentStep
          consent={draft.consent}
          code={draft.code}
          needsCode={props.responseMode === 'invitation'}
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

      {!paper && step === reviewStep ? <Review definition={definition} answers={draft.answers} visible={visible} onEdit={(s) => goTo(s + firstSection)} /> : null}

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

function ConsentStep(props: { consent: boolean; code: string; needsCode: boolean; errors: Errors; onConsent: (v: boolean) => void; onCode: (v: string) => void }) {
  const t = useTranslations('surveys.fill');
  const errorText = useErrorText();
  const consentError = errorText(props.errors.consent);
  const codeError = errorText(props.errors.code);
  return (
    <div className="space-y-4">
      <div className="space-y-2 rounded-md border border-gray-300 bg-gray-50 p-4">
        <h3>{t('rodoTitle')}</h3>
        <p>{t('rodo1')}</p>
        <p>{t('rodo2')}</p>
        <p>{t('rodo3')}</p>
        <p>{t('rodo4')}</p>
      </div>
      {props.needsCode ? (
        <div className="space-y-1">
          <label htmlFor={fieldId('code')} className="block font-semibold">
            {t('codeLabel')}
          </label>
          <p id="code-hint" className="text-sm text-muted">
            {t('codeHint')}
          </p>
          <input
            id={fieldId('code')}
            value={props.code}
            onChange={(e) => props.onCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={20}
            aria-invalid={codeError ? true : undefined}
            aria-describedby={`code-hint${codeError ? ` ${fieldId('code')}-error` : ''}`}
            className={`block w-full max-w-xs min-h-11 rounded-md border-2 px-3 py-2 text-lg tracking-widest uppercase ${codeError ? 'border-danger' : 'border-gray-500'}`}
          />
          {codeError ? (
            <p id={`${fieldId('code')}-error`} className="text-sm font-semibold text-danger">
              {codeError}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="space-y-1">
        <div className="flex items-start gap-3">
          <input
            type="checkbox"
            id={fieldId('consent')}
            checked={props.consent}
            onChange={(e) => props.onConsent(e.target.checked)}
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? `${fieldId('consent')}-error` : undefined}
            className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
          />
          <label htmlFor={fieldId('consent')} className="font-semibold">
            {t('consentLabel')}
          </label>
        </div>
        {consentError ? (
          <p id={`${fieldId('consent')}-error`} className="text-sm font-semibold text-danger">
            {consentError}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A fieldset with its legend, help and error, as every question is drawn. */
function QuestionBox({ id, legend, help, error, required, children }: { id: string; legend: string; help?: string; error?: string; required: boolean; children: ReactNode }) {
  const t = useTranslations('surveys.fill');
  const errorText = useErrorText()(error);
  const describedBy = [help ? `${id}-help` : null, errorText ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy} aria-invalid={errorText ? true : undefined} className={`space-y-3 rounded-md border-2 p-4 ${errorText ? 'border-danger' : 'border-gray-300'}`}>
      <legend className="px-1 text-lg font-semibold">
        {legend}
        {required ? <span className="text-danger"> *<span className="sr-only"> {t('required')}</span></span> : null}
      </legend>
      {help ? (
        <p id={`${id}-help`} className="text-sm text-muted">
          {help}
        </p>
      ) : null}
      {errorText ? (
        <p id={`${id}-error`} className="font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

function Choice({ type, name, id, label, checked, onChange }: { type: 'radio' | 'checkbox'; name: string; id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="flex min-h-11 items-center gap-3">
      <input type={type} name={name} id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-6 w-6 shrink-0 accent-brand-700" />
      <label htmlFor={id} className="flex-1 py-2">
        {label}
      </label>
    </div>
  );
}

const selectClass = 'block w-full min-h-11 rounded-md border-2 border-gray-500 bg-white px-3 py-2 text-base';

function ScaleInput({ name, labels, allowDontKnow, value, paper, onChange, label }: {
  name: string;
  label: string;
  labels: { pl: string; en: string }[];
  allowDontKnow: boolean;
  value: number | 'dk' | undefined;
  paper: boolean;
  onChange: (v: number | 'dk' | undefined) => void;
}) {
  const t = useTranslations('surveys.fill');
  const locale = useLocale();
  const points = labels.map((l, i) => ({ value: String(i + 1), text: `${i + 1} – ${localize(l, locale)}` }));
  if (allowDontKnow) points.push({ value: DONT_KNOW, text: t('dontKnow') });
  if (paper) {
    return (
      <select aria-label={label} name={name} className={selectClass} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === DONT_KNOW ? DONT_KNOW : Number(e.target.value))}>
        <option value="">{t('choose')}</option>
        {points.map((p) => (
          <option key={p.value} value={p.value}>
            {p.text}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="grid gap-1 sm:grid-cols-2">
      {points.map((p) => (
        <Choice
          key={p.value}
          type="radio"
          name={name}
          id={`${name}-${p.value}`}
          label={p.text}
          checked={value !== undefined && String(value) === p.value}
          onChange={() => onChange(p.value === DONT_KNOW ? DONT_KNOW : Number(p.value))}
        />
      ))}
    </div>
  );
}

function QuestionField({ question: q, value, error, paper, onChange }: { question: Question; value: AnswerValue | undefined; error?: string; paper: boolean; onChange: (v: AnswerValue | undefined) => void }) {
  const t = useTranslations('surveys.fill');
  const locale = useLocale();
  const id = fieldId(`answers.${q.id}`);
  const legend = localize(q.label, locale);
  const help = localize(q.help, locale) || undefined;
  const box = (children: ReactNode, extraHelp?: string) => (
    <QuestionBox id={id} legend={legend} help={[help, extraHelp].filter(Boolean).join(' ') || undefined} error={error} required={q.required}>
      {children}
    </QuestionBox>
  );
  switch (q.type) {
    case 'single_choice':
      if (paper) {
        return box(
          <select aria-label={legend} name={q.id} className={selectClass} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
            <option value="">{t('choose')}</option>
            {q.options.map((o) => (
              <option key={o.value} value={o.value}>
                {localize(o.label, locale)}
              </option>
            ))}
          </select>,
        );
      }
      return box(
        q.options.map((o) => (
          <Choice key={o.value} type="radio" name={q.id} id={`${id}-${o.value}`} label={localize(o.label, locale)} checked={value === o.value} onChange={() => onChange(o.value)} />
        )),
      );
    case 'multiple_choice': {
      const chosen = (value as string[] | undefined) ?? [];
      return box(
        q.options.map((o) => (
          <Choice
            key={o.value}
            type="checkbox"
            name={`${q.id}-${o.value}`}
            id={`${id}-${o.value}`}
            label={localize(o.label, locale)}
            checked={chosen.includes(o.value)}
            onChange={(on) => onChange(on ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
          />
        )),
        q.maxChoices ? t('maxChoices', { count: q.maxChoices }) : undefined,
      );
    }
    case 'rating':
      return box(<ScaleInput name={q.id} label={legend} labels={q.scaleLabels} allowDontKnow={q.allowDontKnow} value={value as number | 'dk' | undefined} paper={paper} onChange={onChange} />);
    case 'matrix': {
      const current = (value as Record<string, number | 'dk'> | undefined) ?? {};
      return box(
        <div className="space-y-3">
          {q.rows.map((row) => {
            const rowLabel = localize(row.label, locale);
            const set = (v: number | 'dk' | undefined) => {
              const next = { ...current };
              if (v === undefined) delete next[row.value];
              else next[row.value] = v;
              onChange(Object.keys(next).length ? next : undefined);
            };
            return paper ? (
              <div key={row.value} className="grid items-center gap-1 sm:grid-cols-2">
                <label htmlFor={`${id}-${row.value}`}>{rowLabel}</label>
                <select id={`${id}-${row.value}`} name={`${q.id}-${row.value}`} className={selectClass} value={current[row.value] === undefined ? '' : String(current[row.value])} onChange={(e) => set(e.target.value === '' ? undefined : e.target.value === DONT_KNOW ? DONT_KNOW : Number(e.target.value))}>
                  <option value="">{t('choose')}</option>
                  {q.scaleLabels.map((l, i) => (
                    <option key={i} value={String(i + 1)}>
                      {i + 1} – {localize(l, locale)}
                    </option>
                  ))}
                  {q.allowDontKnow ? <option value={DONT_KNOW}>{t('dontKnow')}</option> : null}
                </select>
              </div>
            ) : (
              <fieldset key={row.value} className="rounded-md border border-gray-300 p-3">
                <legend className="px-1 font-semibold">{rowLabel}</legend>
                <ScaleInput name={`${q.id}-${row.value}`} label={rowLabel} labels={q.scaleLabels} allowDontKnow={q.allowDontKnow} value={current[row.value]} paper={false} onChange={set} />
              </fieldset>
            );
          })}
        </div>,
      );
    }
    case 'ranking': {
      const order = (value as string[] | undefined) ?? [];
      const places = rankingLength(q);
      return box(
        <div className="space-y-2">
          {Array.from({ length: places }, (_, place) => (
            <div key={place} className="grid items-center gap-1 sm:grid-cols-[10rem_1fr]">
              <label htmlFor={`${id}-${place}`} className="font-semibold">
                {t('rankPlace', { place: place + 1 })}
              </label>
              <select
                id={`${id}-${place}`}
                name={`${q.id}-${place}`}
                className={selectClass}
                value={order[place] ?? ''}
                onChange={(e) => {
                  // Gaps stay in the draft (place 2 chosen before place 1); the payload closes them.
                  const next = Array.from({ length: places }, (_, i) => (i === place ? e.target.value : (order[i] ?? '')));
                  onChange(next.some(Boolean) ? next : undefined);
                }}
              >
                <option value="">{t('choose')}</option>
                {q.items.map((item) => (
                  <option key={item.value} value={item.value} disabled={order.includes(item.value) && order[place] !== item.value}>
                    {localize(item.label, locale)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>,
        t('rankHint', { count: places }),
      );
    }
    case 'number':
      return box(
        <input
          type="number"
          inputMode="numeric"
          aria-label={legend}
          min={q.min}
          max={q.max}
          step={1}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          className="block w-40 min-h-11 rounded-md border-2 border-gray-500 px-3 py-2 text-base"
        />,
        t('numberRange', { min: q.min, max: q.max }),
      );
    case 'short_text':
    case 'long_text': {
      const text = (value as string | undefined) ?? '';
      const common = {
        'aria-label': legend,
        value: text,
        onChange: (e: { target: { value: string } }) => onChange(e.target.value || undefined),
        className: 'block w-full rounded-md border-2 border-gray-500 px-3 py-2 text-base',
      };
      return box(
        <>
          {q.type === 'short_text' ? <input type="text" {...common} className={`${common.className} min-h-11`} /> : <textarea rows={4} {...common} />}
          <p className="text-sm text-muted" aria-live="polite">
            {t('charsLeft', { count: Math.max(0, q.maxLength - text.length) })}
          </p>
        </>,
      );
    }
  }
}

function ProfileFields({ definition, profile, errors, communes, localities, onChange }: {
  definition: SurveyDefinition;
  profile: Profile;
  errors: Errors;
  communes: { id: number; name: string }[];
  localities: { id: number; name: string; communeId: number }[];
  onChange: (p: Profile) => void;
}) {
  const t = useTranslations('surveys');
  const errorText = useErrorText();
  const ofCommune = localities.filter((l) => String(l.communeId) === profile.communeId);
  const select = (key: keyof Profile, label: string, options: { value: string; label: string }[], required = false, hint?: string) => {
    const id = fieldId(`profile.${key}`);
    const error = errorText(errors[`profile.${key}`]);
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block font-semibold">
          {label}
          {required ? <span className="text-danger"> *<span className="sr-only"> {t('fill.required')}</span></span> : null}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-muted">
            {hint}
          </p>
        ) : null}
        <select
          id={id}
          name={`profile-${key}`}
          value={profile[key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onChange({ ...profile, [key]: e.target.value, ...(key === 'communeId' ? { localityId: '' } : {}) })}
          className={`${selectClass} ${error ? 'border-danger' : ''}`}
        >
          <option value="">{required ? t('fill.choose') : t('fill.preferNotToSay')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {error ? (
          <p id={`${id}-error`} className="text-sm font-semibold text-danger">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <fieldset className="space-y-4 rounded-md border-2 border-gray-300 p-4">
      <legend className="px-1 text-lg font-semibold">{t('fill.profileLegend')}</legend>
      {select('communeId', t('fill.profile.communeId'), communes.map((c) => ({ value: String(c.id), label: c.name })), true)}
      {definition.profile.askLocality && ofCommune.length > 0
        ? select('localityId', t('fill.profile.localityId'), ofCommune.map((l) => ({ value: String(l.id), label: l.name })))
        : null}
      {definition.profile.ageGroups.length > 0
        ? select('ageGroup', t('fill.profile.ageGroup'), definition.profile.ageGroups.map((a) => ({ value: a, label: t(`ageGroups.${a}`) })))
        : null}
      {definition.profile.respondentTypes.length > 0
        ? select('respondentType', t('fill.profile.respondentType'), definition.profile.respondentTypes.map((r) => ({ value: r, label: t(`respondentTypes.${r}`) })))
        : null}
    </fieldset>
  );
}

function describe(q: Question, value: AnswerValue, locale: string, t: (key: string, values?: Record<string, string | number>) => string): string {
  const label = (options: { value: string; label: { pl: string; en: string } }[], v: string) => localize(options.find((o) => o.value === v)?.label, locale) || v;
  const point = (v: number | 'dk') => (v === DONT_KNOW ? t('dontKnow') : String(v));
  switch (q.type) {
    case 'single_choice':
      return label(q.options, value as string);
    case 'multiple_choice':
      return (value as string[]).map((v) => label(q.options, v)).join(', ');
    case 'rating':
      return point(value as number | 'dk');
    case 'matrix':
      return q.rows
        .filter((r) => (value as Record<string, number | 'dk'>)[r.value] !== undefined)
        .map((r) => `${localize(r.label, locale)}: ${point((value as Record<string, number | 'dk'>)[r.value]!)}`)
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

function Review({ definition, answers, visible, onEdit }: { definition: SurveyDefinition; answers: Answers; visible: Set<string>; onEdit: (section: number) => void }) {
  const t = useTranslations('surveys.fill');
  const locale = useLocale();
  return (
    <div className="space-y-6">
      <p>{t('reviewLead')}</p>
      {definition.sections.map((section, index) => (
        <section key={section.id} aria-labelledby={`review-${section.id}`} className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id={`review-${section.id}`}>{localize(section.title, locale)}</h3>
            <Button type="button" variant="link" onClick={() => onEdit(index)} aria-label={t('editSection', { section: localize(section.title, locale) })}>
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
