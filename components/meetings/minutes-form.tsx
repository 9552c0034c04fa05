'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/admin/form-status';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { minutesSchema } from '@/lib/meetings/schema';
import { TextAreaField } from '@/components/ui/field';

/** The coordinator's summary, attached after the meeting. */
export function MinutesForm<T>({ action, meetingId, minutes }: { action: FormAction<T>; meetingId: number; minutes: string }) {
  const t = useTranslations('meetings.minutes');
  const { form, register, state, pending, formProps } = useActionForm({
    action,
    schema: minutesSchema,
    defaultValues: { meetingId: String(meetingId), minutes } as never,
  });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-2xl space-y-4">
      <FormStatus state={state} success={t('saved')} />
      <input type="hidden" {...register('meetingId')} />
      <TextAreaField id="meeting-minutes" label={t('label')} hint={t('hint')} required rows={8} error={errors.minutes?.message} {...register('minutes')} />
      <Button type="submit" pending={pending}>
        {t('save')}
      </Button>
    </form>
  );
}
