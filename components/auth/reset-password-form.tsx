'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { resetPasswordSchema } from '@/lib/auth/schema';

export function ResetPasswordForm({ action, token }: { action: FormAction<never>; token: string }) {
  const t = useTranslations('auth');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: resetPasswordSchema, defaultValues: { token } });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      <input type="hidden" {...register('token')} />
      <TextField
        label={t('newPassword')}
        hint={t('passwordHint')}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        error={errors.password?.message}
        {...register('password')}
      />
      <TextField
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword?.message}
        {...register('confirmPassword')}
      />
      <Button type="submit" pending={pending}>
        {t('resetSubmit')}
      </Button>
    </form>
  );
}
