'use client';

import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { useErrorText } from '@/components/ui/field';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  options: SelectOption[];
  hint?: ReactNode;
  /** An error key in the "errors" namespace. */
  error?: string;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * A labelled select, built like TextField: hint and error tied to it by aria-describedby, marked
 * invalid for screen readers, uncontrolled so react-hook-form's register() props spread straight in.
 */
export function SelectField({ name, label, options, hint, error, required, className = '', ...select }: SelectFieldProps) {
  const errorText = useErrorText()(error);
  const id = select.id ?? `field-${name}`;
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
      <select
        {...select}
        id={id}
        name={name}
        required={required}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full min-h-11 rounded-md border-2 bg-white px-3 py-2 text-base disabled:bg-gray-100 ${errorText ? 'border-danger' : 'border-gray-500'} focus:border-brand-700`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {errorText ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}
