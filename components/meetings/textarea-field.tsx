'use client';

import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { useErrorText } from '@/components/ui/field';

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  hint?: ReactNode;
  /** An error key in the "errors" namespace. */
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled textarea, built like TextField (hint and error tied by aria-describedby). */
export function TextareaField({ name, label, hint, error, required, className = '', ...textarea }: TextareaFieldProps) {
  const errorText = useErrorText()(error);
  const id = textarea.id ?? `field-${name}`;
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
      <textarea
        rows={6}
        {...textarea}
        id={id}
        name={name}
        required={required}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full rounded-md border-2 px-3 py-2 text-base ${errorText ? 'border-danger' : 'border-gray-500'} focus:border-brand-700`}
      />
      {errorText ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}
