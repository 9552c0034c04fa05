'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/components/forms/use-action-form';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { useErrorText } from '@/components/ui/field';

/**
 * A one-button form (revoke, disable, deactivate) posting hidden fields to a server action. It
 * works without JavaScript; with it, a refusal ("you cannot disable yourself") shows beside the
 * button instead of vanishing.
 */
export function ActionButton({
  action,
  fields,
  label,
  context,
  variant = 'secondary',
}: {
  action: FormAction<void>;
  fields: Record<string, string>;
  label: string;
  /** Read only by screen readers after the label, so that a row's button says what it acts on. */
  context?: string;
  variant?: ButtonVariant;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errorText = useErrorText();
  return (
    <form action={formAction} className="space-y-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} pending={pending}>
        {label}
        {context ? <span className="sr-only"> – {context}</span> : null}
      </Button>
      {state && !state.ok && state.message ? (
        <p role="alert" className="text-sm font-semibold text-danger">
          {errorText(state.message)}
        </p>
      ) : null}
    </form>
  );
}
