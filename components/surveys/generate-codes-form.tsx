'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/admin/form-status';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { generateCodesSchema } from '@/lib/surveys/schema';

export function GenerateCodesForm({ action, surveyId }: { action: FormAction<{ batch: number; count: number }>; surveyId: string }) {
  const t = useTranslations('surveys.codes');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: generateCodesSchema, defaultValues: { surveyId, count: 50 } });
  return (
    <form {...formProps} className="max-w-sm space-y-3">
      <FormStatus state={state} success={state.ok ? t('generated', { count: state.data.count, batch: state.data.batch }) : undefined} />
      <input type="hidden" {...register('surveyId')} />
      <TextField label={t('count')} hint={t('countHint')} type="number" inputMode="numeric" min={1} max={1000} required error={form.formState.errors.count?.message} {...register('count')} />
      <Button type="submit" pending={pending}>
        {t('generate')}
      </Button>
    </form>
  );
}
