'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage, TextAreaField, useErrorText } from '@/components/ui/field';

/**
 * A coordinator's invitation: communes (their approved members), addresses and a note. Checked on
 * the server only (the list of addresses needs the accounts); what was typed stays after an error.
 */
export function InviteForm({ action, meetingId, communes }: { action: FormAction<{ queued: number; declined: number }>; meetingId: number; communes: { id: number; name: string }[] }) {
  const t = useTranslations('mailPages');
  const errorText = useErrorText();
  const [state, formAction, pending] = useActionState(action, undefined);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  // After a refusal the communes stay ticked (React resets the form once the action has answered).
  const ticked = new Set([values.communeIds ?? []].flat());
  const communeError = errorText(failed?.fieldErrors.communeIds?.[0]);
  return (
    <form action={formAction} className="max-w-xl space-y-5">
      {failed?.message ? <FormMessage messageKey={failed.message} /> : null}
      {state?.ok ? (
        <p role="status" className="font-semibold text-brand-800">
          {t('invited', state.data)}
        </p>
      ) : null}
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset className="space-y-2" aria-describedby={communeError ? 'invite-communes-error' : undefined}>
        <legend className="font-semibold">{t('inviteCommunes')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {communes.map((c) => (
            <div key={c.id} className="flex items-center gap-3">
              <input type="checkbox" id={`invite-commune-${c.id}`} name="communeIds" value={c.id} defaultChecked={ticked.has(String(c.id))} className="h-5 w-5 accent-brand-700" />
              <label htmlFor={`invite-commune-${c.id}`}>{c.name}</label>
            </div>
          ))}
        </div>
        {communeError ? (
          <p id="invite-communes-error" className="text-sm font-semibold text-danger">
            {communeError}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField name="emails" label={t('inviteEmails')} hint={t('inviteEmailsHint')} rows={5} defaultValue={values.emails} error={failed?.fieldErrors.emails?.[0]} />
      <TextAreaField name="note" label={t('inviteNote')} rows={3} defaultValue={values.note} error={failed?.fieldErrors.note?.[0]} />
      <Button type="submit" pending={pending}>
        {t('inviteSubmit')}
      </Button>
    </form>
  );
}
