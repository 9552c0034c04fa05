'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path } from 'react-hook-form';
import type * as z from 'zod';
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
 * still works: its answer names the fields that are wrong and keeps what was typed (the server
 * echoes it back; passwords excepted).
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

  // react-hook-form fills its inputs from script only: without JavaScript a hidden id or token was
  // posted empty and the typed values did not come back after a refusal. `register` and `radio`
  // also write the field's value (what was posted, else the default) into the server's HTML. They
  // keep it after hydration too: a hidden input's value is its attribute, which React would
  // otherwise remove then.
  const initial = (name: string): unknown => (echoed as Record<string, unknown>)[name] ?? (defaultValues as Record<string, unknown> | undefined)?.[name];
  const register: typeof form.register = (name, options) => {
    const field = form.register(name, options);
    const value = initial(name);
    // A checkbox posts "on" (and nothing when clear); it states its own value attribute.
    if (typeof value === 'boolean' || value === 'on') return { ...field, defaultChecked: value === true || value === 'on' } as typeof field;
    if (typeof value === 'string' || typeof value === 'number') return { ...field, defaultValue: String(value) } as typeof field;
    return field;
  };
  /** One radio button of a group: its value, and checked when it is the group's value. */
  const radio = (name: Path<z.input<S>>, value: string) => ({ ...form.register(name), value, defaultChecked: String(initial(name) ?? '') === value });

  return { form, register, radio, state, pending, formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true } };
}
