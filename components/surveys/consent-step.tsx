'use client';

import { useTranslations } from 'next-intl';
import { useErrorText } from '@/components/ui/field';
import type { DataController } from '@/lib/county';
import { fieldId, type Errors } from '@/lib/surveys/steps';
import { DevicePrivacyNote } from './device-status';

export function ConsentStep(props: {
  consent: boolean;
  code: string;
  needsCode: boolean;
  controller: DataController;
  errors: Errors;
  onConsent: (v: boolean) => void;
  onCode: (v: string) => void;
}) {
  const t = useTranslations('surveys.fill');
  const errorText = useErrorText();
  const consentError = errorText(props.errors.consent);
  const codeError = errorText(props.errors.code);
  return (
    <div className="space-y-4">
      <div className="space-y-2 rounded-md border border-gray-300 bg-gray-50 p-4">
        <h3>{t('rodoTitle')}</h3>
        <p>{t('rodo1', props.controller)}</p>
        <p>{t('rodo2')}</p>
        <p>{t('rodo3')}</p>
        <p>{t('rodo4')}</p>
        <DevicePrivacyNote />
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
            name="code"
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
            name="consent"
            value="1"
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
