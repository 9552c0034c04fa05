'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/admin/form-status';
import type { FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/field';
import { idle, type ActionResult } from '@/lib/result';

interface Person {
  userId: string;
  name: string;
  deleted: boolean;
  present: boolean;
}

/**
 * The sign-up list with a box to tick for each person who came. Saving sets the whole list at
 * once (ticked ones recorded, unticked ones taken off), so sending it twice changes nothing.
 */
export function SignUpAttendanceForm<T>({ action, meetingId, people }: { action: FormAction<T>; meetingId: number; people: Person[] }) {
  const t = useTranslations('meetings.presence');
  const [state, formAction, pending] = useActionState<ActionResult<T>, FormData>(action, idle as ActionResult<T>);
  // After a refusal the boxes keep what was ticked, not what is stored.
  const echoed = !state.ok && state.values ? state.values : null;
  return (
    <form action={formAction} className="max-w-2xl space-y-4">
      <FormStatus state={state} success={t('signUps.saved')} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('signUps.legend')}</legend>
        {people.map((p) => (
          <CheckboxField
            key={p.userId}
            id={`present-${p.userId}`}
            name={`present_${p.userId}`}
            label={p.deleted ? t('signUps.deleted') : p.name}
            defaultChecked={echoed ? echoed[`present_${p.userId}`] === 'on' : p.present}
          />
        ))}
      </fieldset>
      <Button type="submit" pending={pending}>
        {t('signUps.save')}
      </Button>
    </form>
  );
}
