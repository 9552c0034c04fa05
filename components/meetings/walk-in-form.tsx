'use client';

import { useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/admin/form-status';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ATTENDANCE_REPRESENTATIONS, MAX_WALK_INS, walkInSchema } from '@/lib/meetings/schema';

/** People who came without signing up: several at once by representation, or one by name. */
export function WalkInForm<T>({ action, meetingId }: { action: FormAction<T>; meetingId: number }) {
  const t = useTranslations('meetings.presence');
  const { form, register, state, pending, formProps } = useActionForm({
    action,
    schema: walkInSchema,
    defaultValues: { meetingId: String(meetingId), name: '', representation: '', count: '1' } as never,
  });
  const errors = form.formState.errors;
  // Added: the fields empty again for the next person (a second click must not add them twice).
  useEffect(() => {
    if (state.ok) form.reset({ meetingId: String(meetingId), name: '', representation: '', count: '1' } as never);
  }, [state, form, meetingId]);
  return (
    <form {...formProps} className="max-w-2xl space-y-4">
      <FormStatus state={state} success={t('walkIns.added')} />
      <input type="hidden" {...register('meetingId')} />
      <SelectField
        id="walk-in-representation"
        label={t('walkIns.representation')}
        required
        options={[{ value: '', label: t('walkIns.choose') }, ...ATTENDANCE_REPRESENTATIONS.map((r) => ({ value: r, label: t(`one.${r}`) }))]}
        error={errors.representation?.message}
        {...register('representation')}
      />
      <TextField id="walk-in-name" label={t('walkIns.name')} autoComplete="off" error={errors.name?.message} {...register('name')} />
      <TextField
        id="walk-in-count"
        label={t('walkIns.count')}
        hint={t('walkIns.countHint', { max: MAX_WALK_INS })}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_WALK_INS}
        required
        error={errors.count?.message}
        {...register('count')}
      />
      <Button type="submit" pending={pending}>
        {t('walkIns.add')}
      </Button>
    </form>
  );
}
