'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/components/ui/field';
import { allQuestions, localize, responseSchema, visibleQuestionIds, type AnswerValue, type Question, type SurveyDefinition } from '@/lib/surveys/definition';
import { translatedContent } from '@/lib/i18n/content-lang';
import { ProfileFields } from './profile-fields';
import { QuestionField } from './question-field';
import { withAnswer, withoutError } from '@/lib/surveys/steps';
import { fieldId, newDraft, useSurveyDraft, type Draft, type Errors } from './survey-draft';

export interface PaperEntryFormProps {
  slug: string;
  definition: SurveyDefinition;
  communes: { id: number; name: string }[];
  localities: { id: number; name: string; communeId: number }[];
  submitUrl: string;
  /** Forms this operator has entered before this visit. */
  enteredBefore: number;
}

/**
 * An operator types in paper questionnaires, laid out as the printed one: a heading per part
 * (each service area), the questions numbered 1…n through the whole questionnaire (so "what needs
 * improving most", asked in every area, is question 3 in one and 8 in the next, never six groups
 * of one name), the profile last. Selects take the answer's first digit or letters and Enter moves
 * to the next field. Each form gets its own submission id, kept with the draft in localStorage:
 * a reload loses nothing and a retried save never enters a form twice.
 */
export function PaperEntryForm(props: PaperEntryFormProps) {
  const { definition } = props;
  const t = useTranslations('surveys.fill');
  const errorText = useErrorText();
  const locale = useLocale();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; key: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [entered, setEntered] = useState(props.enteredBefore);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const schema = useMemo(() => responseSchema(definition, { communeIds: props.communes.map((c) => c.id) }), [definition, props.communes]);
  // The printed numbers: fixed by the questionnaire, whatever a condition hides.
  const numbers = useMemo(() => new Map(allQuestions(definition).map((q, i) => [q.id, i + 1])), [definition]);
  const [draft, setDraft] = useSurveyDraft(`agora-survey:paper:${props.slug}`, false, () => setMessage({ tone: 'info', key: 'restored' }));

  if (!draft) return <p role="status">{t('loading')}</p>;
  const visible = visibleQuestionIds(definition, draft.answers);

  function setAnswer(id: string, value: AnswerValue | undefined) {
    setDraft((d) => (d ? withAnswer(d, id, value) : d));
    setErrors((e) => withoutError(e, `answers.${id}`));
  }

  /** As sent: answers to questions a condition hides are left out, ranking gaps closed. */
  function payload(d: Draft) {
    const shown = visibleQuestionIds(definition, d.answers);
    const answers = Object.fromEntries(Object.entries(d.answers).filter(([id]) => shown.has(id)).map(([id, v]) => [id, Array.isArray(v) ? v.filter(Boolean) : v]));
    return { submissionId: d.submissionId, consent: true, profile: d.profile, answers, website: '' };
  }

  function showErrors(found: Errors) {
    setErrors(found);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function submit() {
    const parsed = schema.safeParse(payload(draft!));
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of parsed.error.issues) found[issue.path.slice(0, 2).join('.')] ??= issue.message;
      return showErrors(found);
    }
    setSending(true);
    setMessage(null);
    const response = await fetch(props.submitUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload(draft!)) }).catch(() => null);
    setSending(false);
    if (!response) return setMessage({ tone: 'error', key: 'survey_offline' });
    const body = (await response.json().catch(() => null)) as { status?: string; message?: string; fieldErrors?: Record<string, string[]> } | null;
    if (response.ok && body?.status) {
      setEntered((n) => n + 1);
      setDraft(newDraft());
      setErrors({});
      setMessage({ tone: 'info', key: 'paperSaved' });
      requestAnimationFrame(() => {
        window.scrollTo({ top: 0 });
        formRef.current?.querySelector<HTMLElement>('select, input:not([type=hidden]):not([tabindex="-1"])')?.focus();
      });
      return;
    }
    const fieldErrors = Object.entries(body?.fieldErrors ?? {});
    if (fieldErrors.length > 0) return showErrors(Object.fromEntries(fieldErrors.map(([k, v]) => [k.split('.').slice(0, 2).join('.'), v[0]!])));
    setMessage({ tone: 'error', key: body?.message && body.message !== 'unexpected' ? body.message : 'survey_server_error' });
  }

  // Enter moves to the next field (a textarea keeps Enter for new lines; radios of a group count once).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    event.preventDefault();
    const fields = [...formRef.current!.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([tabindex="-1"]), select, textarea, button[type=submit]')].filter((el) => !el.hasAttribute('disabled'));
    let index = fields.indexOf(target);
    const name = target.getAttribute('name');
    while (index + 1 < fields.length && name && fields[index + 1]!.getAttribute('name') === name) index++;
    fields[index + 1]?.focus();
  }

  const label = (key: string) => {
    if (key.startsWith('profile.')) return t(`profile.${key.slice(8)}` as never);
    const q = allQuestions(definition).find((x) => x.id === key.split('.')[1]);
    return q ? `${numbers.get(q.id)}. ${localize(q.label, locale)}` : key;
  };
  /** An answer's words ("Tak"), for the note on a question its condition skips. */
  const answerText = (questionId: string, value: string) => {
    const source = allQuestions(definition).find((x) => x.id === questionId);
    const option = source && 'options' in source ? source.options.find((o) => o.value === value) : undefined;
    return option ? localize(option.label, locale) : value;
  };
  const numbered = (q: Question): Question => ({ ...q, label: { pl: `${numbers.get(q.id)}. ${q.label.pl}`, en: q.label.en ? `${numbers.get(q.id)}. ${q.label.en}` : '' } });
  const errorList = Object.entries(errors);

  return (
    <form ref={formRef} noValidate onKeyDown={onKeyDown} onSubmit={(e) => (e.preventDefault(), void submit())} className="space-y-8">
      <p role="status" aria-live="polite" className="font-semibold">
        {t('paperCounter', { count: entered })}
      </p>
      {message ? (
        <div role={message.tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 px-4 py-3 ${message.tone === 'error' ? 'border-danger bg-red-50 text-red-900' : 'border-sky-700 bg-sky-50 text-sky-900'}`}>
          {message.tone === 'error' ? errorText(message.key) : t(message.key as never)}
        </div>
      ) : null}
      {errorList.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-md border-l-4 border-danger bg-red-50 px-4 py-3 text-red-900">
          <h2 className="text-base">{t('errorSummary', { count: errorList.length })}</h2>
          <ul className="list-disc pl-5">
            {errorList.map(([key, code]) => (
              <li key={key}>
                <a href={`#${fieldId(key)}`}>
                  {label(key)}: {errorText(code)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {definition.sections.map((section, s) => {
        const lang = translatedContent(section.title, locale);
        return (
          <section key={section.id} aria-labelledby={`paper-part-${section.id}`} className="space-y-4">
            <h2 id={`paper-part-${section.id}`} lang={lang} className="border-b-2 border-brand-700 pb-1">
              {t('paperPart', { n: s + 1, title: localize(section.title, locale) })}
            </h2>
            {section.questions.map((q) =>
              visible.has(q.id) ? (
                <QuestionField key={q.id} question={numbered(q)} value={draft.answers[q.id]} error={errors[`answers.${q.id}`]} paper onChange={(v) => setAnswer(q.id, v)} />
              ) : (
                // Its number stays in sequence, as on paper: the operator sees why it is skipped.
                <p key={q.id} className="rounded-md border-2 border-dashed border-gray-300 px-4 py-2 text-muted">
                  {t('paperSkipped', { n: numbers.get(q.id)!, source: q.condition ? (numbers.get(q.condition.questionId) ?? '') : '', answer: q.condition ? answerText(q.condition.questionId, q.condition.equals) : '' })}
                </p>
              ),
            )}
          </section>
        );
      })}
      <section aria-labelledby="paper-part-profile" className="space-y-4">
        <h2 id="paper-part-profile" className="border-b-2 border-brand-700 pb-1">
          {t('paperPart', { n: definition.sections.length + 1, title: t('profileTitle') })}
        </h2>
        <ProfileFields definition={definition} profile={draft.profile} errors={errors} communes={props.communes} localities={props.localities} onChange={(profile) => setDraft((d) => (d ? { ...d, profile } : d))} />
      </section>
      <div className="border-t border-gray-200 pt-4">
        <Button type="submit" pending={sending}>
          {t('paperSave')}
        </Button>
      </div>
    </form>
  );
}
