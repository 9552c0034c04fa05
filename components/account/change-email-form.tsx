'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { changeEmailSchema } from '@/lib/auth/schema';

/** A new address and the current password; the change waits for the link sent to the new address. */
export function ChangeEmailForm<T>({ action }: { action: FormAction<T> }) {
  const t = useTranslations('mailPages');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: changeEmailSchema });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      {state.ok ? (
        <p role="status" className="font-semibold text-brand-800">
          {t('emailSent')}
        </p>
      ) : null}
      <TextField id="change-newEmail" label={t('newEmail')} type="email" autoComplete="email" required error={errors.newEmail?.message} {...register('newEmail')} />
      <TextField
        id="change-email-password"
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword?.message}
        {...register('currentPassword')}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        {t('emailSubmit')}
      </Button>
    </form>
  );
}
