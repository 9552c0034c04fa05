'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { changePasswordSchema } from '@/lib/auth/schema';

export function ChangePasswordForm({ action }: { action: FormAction<never> }) {
  const t = useTranslations();
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: changePasswordSchema });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      <TextField label={t('account.currentPassword')} type="password" autoComplete="current-password" required error={errors.currentPassword?.message} {...register('currentPassword')} />
      <TextField label={t('account.newPassword')} hint={t('auth.passwordHint')} type="password" autoComplete="new-password" required error={errors.newPassword?.message} {...register('newPassword')} />
      <TextField label={t('account.confirmPassword')} type="password" autoComplete="new-password" required error={errors.confirmPassword?.message} {...register('confirmPassword')} />
      <Button type="submit" pending={pending}>
        {t('account.changePassword')}
      </Button>
    </form>
  );
}
