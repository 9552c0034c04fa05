'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormMessage, TextAreaField } from '@/components/ui/field';
import { cancelMeetingSchema } from '@/lib/meetings/schema';

/** A coordinator calls a meeting off, with the reason those signed up will read. */
export function CancelMeetingForm<T>({ action, meetingId }: { action: FormAction<T>; meetingId: number }) {
  const t = useTranslations('meetingCancel');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: cancelMeetingSchema, defaultValues: { meetingId: String(meetingId) } as never });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-2xl space-y-4">
      {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
      <input type="hidden" {...register('meetingId')} />
      <TextAreaField id="cancel-reason" label={t('reason')} required rows={3} error={errors.reason?.message} {...register('reason')} />
      <Button type="submit" variant="secondary" pending={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
