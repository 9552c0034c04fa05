'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';

export function UnsubscribeForm({ action, token }: { action: FormAction<never>; token: string }) {
  const t = useTranslations('mailPages');
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-3">
      {state && !state.ok ? <FormMessage messageKey={state.message} /> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending}>
        {t('unsubscribeSubmit')}
      </Button>
    </form>
  );
}
