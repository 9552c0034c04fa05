'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import type { FormAction } from '@/components/forms/use-action-form';

/** "End this session" for one row of the sessions list in /account. */
export function EndSessionForm({ action, id, label }: { action: FormAction<void>; id: string; label: string }) {
  const t = useTranslations('account');
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction}>
      {state && !state.ok ? <FormMessage messageKey={state.message} /> : null}
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" pending={pending} aria-label={`${t('endSession')}: ${label}`}>
        {t('endSession')}
      </Button>
    </form>
  );
}
