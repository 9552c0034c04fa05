'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import type { FieldValues } from 'react-hook-form';
import type * as z from 'zod';
import { FormStatus } from '@/components/admin/form-status';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField, useErrorText } from '@/components/ui/field';

// The forum's many small forms share this one client form: the page (a server component)
// describes the fields with translated labels; the schema, shared with the server action, is
// picked by name in the module that loads this one (a zod schema cannot cross from server to
// client). components/forum/forum-form.tsx is what pages use.

export interface Option {
  value: string;
  label: string;
  /** Shown only while the field named by `filterBy` has this value. */
  group?: string;
}

export type FieldSpec =
  | { kind: 'hidden'; name: string; value: string }
  | { kind: 'text' | 'number' | 'datetime-local'; name: string; label: string; hint?: string; required?: boolean; maxLength?: number; min?: number; max?: number }
  | { kind: 'textarea'; name: string; label: string; hint?: string; required?: boolean; rows?: number }
  | { kind: 'select'; name: string; label: string; hint?: string; required?: boolean; options: Option[]; filterBy?: string }
  | { kind: 'radio'; name: string; legend: string; options: Option[]; showWhen?: never }
  | { kind: 'checkboxes'; name: string; legend: string; options: Option[] };

/** What an action may return besides nothing: a quota refusal to explain (approving members). */
export interface FormData2 {
  quota?: { quota: 'locality' | 'organisation'; limit: number; holders: string[] };
}

export interface ForumFormProps<T> {
  /** Which form (its schema); also the prefix of its fields' ids. */
  form: string;
  action: FormAction<T>;
  fields: FieldSpec[];
  defaultValues?: Record<string, string | boolean>;
  submit: string;
  success?: string;
  variant?: ButtonVariant;
  resetOnSuccess?: boolean;
  id?: string;
  /** Fields shown only when another field has one of the given values, e.g. { localityId: ['representation', 'locality'] }. */
  visibleWhen?: Record<string, [string, string[]]>;
}

export function SchemaForm<T>({
  schema: formSchema,
  form: formName,
  action,
  fields,
  defaultValues = {},
  submit,
  success,
  variant = 'primary',
  resetOnSuccess = false,
  id,
  visibleWhen,
}: ForumFormProps<T> & { schema: z.ZodType }) {
  const t = useTranslations('forum');
  const errorText = useErrorText();
  const schema = formSchema as unknown as z.ZodType<FieldValues, FieldValues>;
  const initial: Record<string, unknown> = { ...defaultValues };
  for (const field of fields) if (field.kind === 'hidden') initial[field.name] = field.value;
  const { form, register, radio, state, pending, formProps } = useActionForm<z.ZodType<FieldValues, FieldValues>, T>({ action, schema, defaultValues: initial as never });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const values = form.watch();

  useEffect(() => {
    if (state.ok && resetOnSuccess) form.reset(initial as never);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const data = state.ok ? (state.data as FormData2 | undefined) : undefined;
  const quota = data?.quota;
  const prefix = id ?? formName;

  return (
    <form {...formProps} id={id} className="max-w-2xl space-y-4">
      {quota ? (
        <div role="alert" className="rounded-md border-l-4 border-danger bg-red-50 px-4 py-3 text-red-900">
          {t('quota.refused', { quota: t(`quota.${quota.quota}`), limit: quota.limit, holders: quota.holders.join(', ') })}
        </div>
      ) : (
        <FormStatus state={state} success={success} />
      )}
      {fields.map((field) => {
        const when = visibleWhen?.[field.name];
        if (when && !when[1].includes(String(values[when[0]] ?? ''))) return null;
        const fieldId = `${prefix}-${field.name}`;
        const error = errors[field.kind === 'checkboxes' ? 'areas' : field.name]?.message;
        switch (field.kind) {
          case 'hidden':
            return <input key={field.name} type="hidden" {...register(field.name)} />;
          case 'text':
          case 'number':
          case 'datetime-local':
            return (
              <TextField
                key={field.name}
                id={fieldId}
                type={field.kind}
                label={field.label}
                hint={field.hint}
                required={field.required}
                maxLength={field.maxLength}
                min={field.min}
                max={field.max}
                error={error}
                {...register(field.name)}
              />
            );
          case 'textarea':
            return (
              <TextAreaField
                key={field.name}
                id={fieldId}
                label={field.label}
                hint={field.hint}
                required={field.required}
                rows={field.rows}
                error={error}
                {...register(field.name)}
              />
            );
          case 'select': {
            const options = field.filterBy
              ? field.options.filter((o) => o.group === undefined || o.group === String(values[field.filterBy!] ?? ''))
              : field.options;
            return (
              <SelectField
                key={field.name}
                id={fieldId}
                label={field.label}
                hint={field.hint}
                required={field.required}
                options={options}
                error={error}
                {...register(field.name)}
              />
            );
          }
          case 'radio':
          case 'checkboxes': {
            const text = errorText(error);
            return (
              <fieldset key={field.name} className="space-y-2" aria-describedby={text ? `${fieldId}-error` : undefined}>
                <legend className="font-semibold">{field.legend}</legend>
                {field.options.map((option) => {
                  const optionId = `${fieldId}-${option.value}`;
                  return (
                    <div key={option.value} className="flex items-center gap-3">
                      {field.kind === 'radio' ? (
                        <input id={optionId} type="radio" className="h-5 w-5 accent-brand-700" {...radio(field.name, option.value)} />
                      ) : (
                        <input id={optionId} type="checkbox" value="on" className="h-5 w-5 accent-brand-700" {...register(`area_${option.value}`)} />
                      )}
                      <label htmlFor={optionId}>{option.label}</label>
                    </div>
                  );
                })}
                {text ? (
                  <p id={`${fieldId}-error`} className="text-sm font-semibold text-danger">
                    {text}
                  </p>
                ) : null}
              </fieldset>
            );
          }
        }
      })}
      <Button type="submit" variant={variant} pending={pending}>
        {submit}
      </Button>
    </form>
  );
}
