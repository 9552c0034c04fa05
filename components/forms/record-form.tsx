'use client';

import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type * as z from 'zod';
import { FormStatus } from '@/components/admin/form-status';
import { Button } from '@/components/ui/button';
import { useActionForm, type FormAction } from './use-action-form';

/**
 * A form that creates a record or, given defaultValues with an id, edits it (meetings, articles):
 * the schema follows from which. Returns what the fields need (`reg`, `errors`) and `frame`, for
 * RecordFormFrame to wrap them with the status line, the hidden id and the submit button.
 */
export function useRecordForm<V extends { id?: string }, T>({
  action,
  defaultValues,
  createSchema,
  updateSchema,
}: {
  action: FormAction<T>;
  defaultValues: V;
  createSchema: z.ZodType<FieldValues, FieldValues>;
  updateSchema: z.ZodType<FieldValues, FieldValues>;
}) {
  const editing = Boolean(defaultValues.id);
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: editing ? updateSchema : createSchema, defaultValues: defaultValues as never });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const reg = (name: keyof V & string) => register(name as never);
  const frame = { formProps, state, pending, idField: editing ? reg('id' as keyof V & string) : null };
  return { editing, errors, reg, frame };
}

export function RecordFormFrame({ frame, submit, children }: { frame: ReturnType<typeof useRecordForm>['frame']; submit: string; children: ReactNode }) {
  return (
    <form {...frame.formProps} className="max-w-2xl space-y-5">
      <FormStatus state={frame.state} />
      {frame.idField ? <input type="hidden" {...frame.idField} /> : null}
      {children}
      <Button type="submit" pending={frame.pending}>
        {submit}
      </Button>
    </form>
  );
}
