'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import type { FormAction } from '@/components/forms/use-action-form';

export function SignOutEverywhereForm({ action }: { action: FormAction<void> }) {
  const t = useTranslations('account');
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-3">
      {state && !state.ok ? <FormMessage messageKey={state.message} /> : null}
      <Button type="submit" variant="secondary" pending={pending}>
        {t('signOutEverywhere')}
      </Button>
    </form>
  );
}
