'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { OPTIONAL_KIND_LIST, type OptionalKind } from '@/lib/mail/kinds';

/** One checkbox per optional kind of e-mail, with what it is; saved together. */
export function MailPreferencesForm({ action, enabled, repliesDaily }: { action: FormAction<void>; enabled: Record<OptionalKind, boolean>; repliesDaily: boolean }) {
  const t = useTranslations('mailPages');
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-4">
      {state && !state.ok ? <FormMessage messageKey={state.message} /> : null}
      {state?.ok ? (
        <p role="status" className="font-semibold text-brand-800">
          {t('preferencesSaved')}
        </p>
      ) : null}
      <fieldset className="space-y-3">
        <legend className="sr-only">{t('preferencesTitle')}</legend>
        {OPTIONAL_KIND_LIST.map((kind) => (
          <div key={kind} className="flex items-start gap-3">
            <input
              type="checkbox"
              id={`mail-${kind}`}
              name={kind}
              value="on"
              defaultChecked={enabled[kind]}
              aria-describedby={`mail-${kind}-hint`}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <div>
              <label htmlFor={`mail-${kind}`} className="font-semibold first-letter:uppercase">
                {t(`kinds.${kind}.label`)}
              </label>
              <p id={`mail-${kind}-hint`} className="text-sm text-muted">
                {t(`kinds.${kind}.hint`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('repliesMode')}</legend>
        {(['immediate', 'daily'] as const).map((mode) => (
          <div key={mode} className="flex items-center gap-3">
            <input
              type="radio"
              id={`replies-${mode}`}
              name="repliesMode"
              value={mode}
              defaultChecked={repliesDaily === (mode === 'daily')}
              className="h-5 w-5 accent-brand-700"
            />
            <label htmlFor={`replies-${mode}`}>{mode === 'daily' ? t('repliesDaily') : t('repliesImmediate')}</label>
          </div>
        ))}
      </fieldset>
      <Button type="submit" variant="secondary" pending={pending}>
        {t('preferencesSave')}
      </Button>
    </form>
  );
}
