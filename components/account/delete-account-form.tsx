'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormMessage, TextField } from '@/components/ui/field';
import { deleteAccountSchema } from '@/lib/auth/schema';

export function DeleteAccountForm({ action }: { action: FormAction<void> }) {
  const t = useTranslations('account');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: deleteAccountSchema });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      <TextField id="delete-currentPassword" label={t('currentPassword')} type="password" autoComplete="current-password" required error={errors.currentPassword?.message} {...register('currentPassword')} />
      <CheckboxField label={t('deleteConfirm')} value="on" error={errors.confirm?.message} {...register('confirm')} />
      <Button type="submit" variant="danger" pending={pending}>
        {t('deleteSubmit')}
      </Button>
    </form>
  );
}
