'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { idle, type ActionResult } from '@/lib/result';
import { useHydrated } from './use-hydrated';

export type FormAction<T> = (previous: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;

/**
 * Binds a form to a server action and its shared zod schema: react-hook-form checks in the browser
 * first, the action checks again on the server, and its field errors land on the same fields.
 * The inputs are never reset by a failed submit, and without JavaScript the native form post
 * still works (the server echoes the typed values back).
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T = unknown>({
  action,
  schema,
  defaultValues,
}: {
  action: FormAction<T>;
  schema: S;
  defaultValues?: DefaultValues<z.input<S>>;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<T>, FormData>(action, idle as ActionResult<T>);
  const echoed = !state.ok && state.values ? state.values : {};
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: { ...defaultValues, ...echoed } as DefaultValues<z.input<S>>,
    mode: 'onTouched',
  });
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.ok) return;
    for (const [field, keys] of Object.entries(state.fieldErrors)) {
      if (keys[0]) form.setError(field as Path<z.input<S>>, { type: 'server', message: keys[0] }, { shouldFocus: true });
    }
  }, [state, form]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.handleSubmit(() => {
      const data = new FormData(formRef.current!);
      startTransition(() => formAction(data));
    })(event);
  }

  // Without JavaScript the effect above never runs: the page rendered with the action's answer
  // shows its field errors from the answer itself (with JavaScript, react-hook-form holds them,
  // and clears each as its field is corrected).
  const live = useHydrated();
  const fieldError = (name: string): string | undefined =>
    (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message ?? (!live && !state.ok ? state.fieldErrors[name]?.[0] : undefined);

  return { form, state, pending, fieldError, formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true } };
}
