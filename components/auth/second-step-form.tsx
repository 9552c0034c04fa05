'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { secondStepSchema } from '@/lib/auth/schema';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function SecondStepForm({ action, callbackUrl }: { action: FormAction<never>; callbackUrl: string }) {
  const t = useTranslations('auth');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: secondStepSchema, defaultValues: { callbackUrl } });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      <input type="hidden" {...register('callbackUrl')} />
      <TextField
        label={t('code')}
        hint={t('codeHint')}
        autoComplete="one-time-code"
        inputMode="numeric"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={40}
        required
        autoFocus
        error={errors.code?.message}
        {...register('code')}
      />
      <Button type="submit" pending={pending}>
        {t('codeSubmit')}
      </Button>
    </form>
  );
}
