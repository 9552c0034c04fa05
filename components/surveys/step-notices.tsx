'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { Ref } from 'react';
import { useErrorText } from '@/components/ui/field';
import type { SurveyDefinition } from '@/lib/surveys/definition';
import { allQuestions, localize } from '@/lib/surveys/questions';
import { fieldId, type Errors } from '@/lib/surveys/steps';

// What every questionnaire form shows above its fields: a message, the list of fields to fix
// (each a link to its field), and the honeypot field people never see.

export function StepMessage({ message, ref }: { message: { tone: 'error' | 'info'; key: string } | null; ref?: Ref<HTMLDivElement> }) {
  const t = useTranslations('surveys.fill');
  const errorText = useErrorText();
  if (!message) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={message.tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border-l-4 px-4 py-3 ${message.tone === 'error' ? 'border-danger bg-red-50 text-red-900' : 'border-sky-700 bg-sky-50 text-sky-900'}`}
    >
      {message.tone === 'error' ? errorText(message.key) : t(message.key as never)}
    </div>
  );
}

export function ErrorSummary({ errors, definition, ref }: { errors: Errors; definition: SurveyDefinition; ref?: Ref<HTMLDivElement> }) {
  const t = useTranslations('surveys.fill');
  const errorText = useErrorText();
  const locale = useLocale();
  const list = Object.entries(errors);
  if (list.length === 0) return null;
  const labelOf = (key: string) => {
    if (key === 'consent') return t('consentLabel');
    if (key === 'code') return t('codeLabel');
    if (key.startsWith('profile.')) return t(`profile.${key.slice(8)}` as never);
    const q = allQuestions(definition).find((x) => x.id === key.split('.')[1]);
    return q ? localize(q.label, locale) : key;
  };
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded-md border-l-4 border-danger bg-red-50 px-4 py-3 text-red-900">
      <h3 className="text-base">{t('errorSummary', { count: list.length })}</h3>
      <ul className="list-disc pl-5">
        {list.map(([key, code]) => (
          <li key={key}>
            <a href={`#${fieldId(key)}`}>
              {labelOf(key)}: {errorText(code)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The honeypot: hidden from people and screen readers; bots fill every field. */
export function Honeypot() {
  const t = useTranslations('surveys.fill');
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label htmlFor="survey-website">{t('honeypot')}</label>
      <input id="survey-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
