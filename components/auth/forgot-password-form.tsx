'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { forgotPasswordSchema } from '@/lib/auth/schema';

export function ForgotPasswordForm({ action }: { action: FormAction<never> }) {
  const t = useTranslations('auth');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: forgotPasswordSchema });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      <TextField label={t('email')} type="email" autoComplete="email" required error={errors.email?.message} {...register('email')} />
      <Button type="submit" pending={pending}>
        {t('forgotSubmit')}
      </Button>
    </form>
  );
}
