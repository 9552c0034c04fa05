'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormMessage, TextField } from '@/components/ui/field';
import { signUpSchema } from '@/lib/auth/schema';

export function SignUpForm({ action }: { action: FormAction<never> }) {
  const t = useTranslations('auth');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: signUpSchema });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      <TextField label={t('name')} hint={t('nameHint')} autoComplete="name" required error={errors.name?.message} {...register('name')} />
      <TextField label={t('email')} type="email" autoComplete="email" required error={errors.email?.message} {...register('email')} />
      <TextField
        label={t('password')}
        hint={t('passwordHint')}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        error={errors.password?.message}
        {...register('password')}
      />
      <p className="text-sm">
        <Link href="/privacy" target="_blank">
          {t('consentLink')}
        </Link>
      </p>
      <CheckboxField label={t('consent')} value="on" error={errors.consent?.message} {...register('consent')} />
      <Button type="submit" pending={pending}>
        {t('submitSignUp')}
      </Button>
    </form>
  );
}
