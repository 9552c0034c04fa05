'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useErrorCatalogue } from './error-catalogue';
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/**
 * Translates an error key from the "errors" namespace; unknown keys read as "invalid value".
 * The texts come with the page where its section sends them (ClientMessages), else from the
 * catalogue fetched once after hydration (components/ui/error-catalogue.ts). Reads through the
 * root translator: a translator of a namespace the page lacks builds two Error objects at every
 * render.
 */
export function useErrorText() {
  const t = useTranslations();
  const locale = useLocale();
  // The whole namespace came with the page; or only its "invalid value", from a section that has
  // its forms fetch the rest; or none, where no form is expected (the dashboards' filters), and
  // nothing is fetched.
  const fetches = t.has('errors.invalid') && !t.has('errors.form_invalid');
  const fetched = useErrorCatalogue(locale, fetches);
  return (key: string | undefined) => {
    if (!key) return undefined;
    if (t.has(`errors.${key}` as never)) return t(`errors.${key}` as never);
    return fetched?.[key] ?? fetched?.invalid ?? (t.has('errors.invalid') ? t('errors.invalid') : undefined);
  };
}

interface ShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  errorText?: string;
  required?: boolean;
  className?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

/**
 * Label above, hint and error around any control, tied to it by aria-describedby. Every labelled
 * input of the app goes through here so they all read and behave the same.
 */
function FieldShell({ id, label, hint, errorText, required, className = '', children }: ShellProps) {
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
      {children(describedBy)}
      {errorText ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

const controlClass = (invalid: boolean) =>
  `block w-full min-h-11 rounded-md border-2 bg-white px-3 py-2 text-base disabled:bg-gray-100 ${invalid ? 'border-danger' : 'border-gray-500'} focus:border-brand-700`;

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: ReactNode;
  /** An error key in the "errors" namespace. */
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled input, marked invalid for screen readers when it has an error. Works uncontrolled, so
 * react-hook-form's register() props spread straight in.
 */
export function TextField({ name, label, hint, error, required, className, ...input }: FieldProps) {
  const errorText = useErrorText()(error);
  const id = input.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errorText={errorText} required={required} className={className}>
      {(describedBy) => (
        <input {...input} id={id} name={name} required={required} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy} className={controlClass(Boolean(errorText))} />
      )}
    </FieldShell>
  );
}

interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text box, built like TextField. */
export function TextAreaField({ name, label, hint, error, required, className, rows = 6, ...textarea }: TextAreaProps) {
  const errorText = useErrorText()(error);
  const id = textarea.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errorText={errorText} required={required} className={className}>
      {(describedBy) => (
        <textarea {...textarea} rows={rows} id={id} name={name} required={required} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy} className={controlClass(Boolean(errorText))} />
      )}
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  options: SelectOption[];
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled select, built like TextField. */
export function SelectField({ name, label, options, hint, error, required, className, ...select }: SelectFieldProps) {
  const errorText = useErrorText()(error);
  const id = select.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errorText={errorText} required={required} className={className}>
      {(describedBy) => (
        <select {...select} id={id} name={name} required={required} aria-invalid={errorText ? true : undefined} aria-describedby={describedBy} className={controlClass(Boolean(errorText))}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
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
