'use client';

import { useTranslations } from 'next-intl';
import type { InputHTMLAttributes, ReactNode } from 'react';

/** Translates an error key from the "errors" namespace; unknown keys read as "invalid value". */
export function useErrorText() {
  const t = useTranslations('errors');
  return (key: string | undefined) => (key ? (t.has(key as never) ? t(key as never) : t('invalid')) : undefined);
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: ReactNode;
  /** An error key in the "errors" namespace. */
  error?: string;
}

/**
 * A labelled input with its hint and error tied to it by aria-describedby, marked invalid for
 * screen readers. Works uncontrolled, so react-hook-form's register() props spread straight in.
 */
export function TextField({ name, label, hint, error, required, className = '', ...input }: FieldProps) {
  const errorText = useErrorText()(error);
  const id = input.id ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errorText ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
        {required ? <span aria-hidden="true" className="text-danger"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        id={id}
        name={name}
        required={required}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full min-h-11 rounded-md border-2 px-3 py-2 text-base ${errorText ? 'border-danger' : 'border-gray-500'} focus:border-brand-700`}
      />
      {errorText ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label beside it and its error below. */
export function CheckboxField({ name, label, error, ...input }: FieldProps) {
  const errorText = useErrorText()(error);
  const id = input.id ?? `field-${name}`;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-3">
        <input
          {...input}
          type="checkbox"
          id={id}
          name={name}
          aria-invalid={errorText ? true : undefined}
          aria-describedby={errorText ? `${id}-error` : undefined}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {errorText ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message of an action result (e.g. "wrong e-mail or password"). */
export function FormMessage({ messageKey, tone = 'error' }: { messageKey?: string; tone?: 'error' | 'success' }) {
  const errorText = useErrorText();
  if (!messageKey) return null;
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 px-4 py-3 ${tone === 'error' ? 'border-danger bg-red-50 text-red-900' : 'border-brand-600 bg-brand-50 text-brand-800'}`}>
      {tone === 'error' ? errorText(messageKey) : messageKey}
    </div>
  );
}
