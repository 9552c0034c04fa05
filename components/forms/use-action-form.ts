'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import { idle, type ActionResult } from '@/lib/result';
import { useHydrated } from './use-hydrated';

/** An action's field errors (message keys by field) as react-hook-form holds them: the first of each. */
function firstErrors(fieldErrors: Record<string, string[]>): Record<string, { type: string; message: string }> {
  return Object.fromEntries(Object.entries(fieldErrors).flatMap(([field, keys]) => (keys[0] ? [[field, { type: 'server', message: keys[0] }]] : [])));
}

export type FormAction<T> = (previous: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;

/**
 * Binds a form to a server action and its shared zod schema: react-hook-form checks in the browser
 * first, the action checks again on the server, and its field errors land on the same fields.
 * The inputs are never reset by a failed submit, and without JavaScript the native form post
 * still works, its answer naming the fields that are wrong. The server echoes the typed values
 * back, but react-hook-form puts them in the inputs only once hydrated: without JavaScript the
 * fields come back empty (passwords are never echoed anyway).
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
  // Without JavaScript the effect below never runs: the page rendered with the action's answer
  // (a form posted without a script) starts with its field errors. Once hydrated, the effect
  // puts them in, and react-hook-form clears each as its field is corrected.
  const live = useHydrated();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: { ...defaultValues, ...echoed } as DefaultValues<z.input<S>>,
    mode: 'onTouched',
    errors: live || state.ok || Object.keys(state.fieldErrors).length === 0 ? undefined : (firstErrors(state.fieldErrors) as FieldErrors<z.input<S>>),
  });
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (state.ok) return;
    for (const [field, keys] of Object.entries(state.fieldErrors)) {
      if (keys[0]) form.setError(field as Path<z.input<S>>, { type: 'server', message: keys[0] }, { shouldFocus: true });
    }
  }, [state, form, live]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.handleSubmit(() => {
      const data = new FormData(formRef.current!);
      startTransition(() => formAction(data));
    })(event);
  }

  return { form, state, pending, formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true } };
}
