'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { signInSchema } from '@/lib/auth/schema';

export function SignInForm({ action, callbackUrl }: { action: FormAction<never>; callbackUrl: string }) {
  const t = useTranslations('auth');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: signInSchema, defaultValues: { callbackUrl } });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      <input type="hidden" {...register('callbackUrl')} />
      <TextField label={t('email')} type="email" autoComplete="email" required error={errors.email?.message} {...register('email')} />
      <TextField label={t('password')} type="password" autoComplete="current-password" required error={errors.password?.message} {...register('password')} />
      <Button type="submit" pending={pending}>
        {pending ? t('signingIn') : t('submitSignIn')}
      </Button>
    </form>
  );
}
