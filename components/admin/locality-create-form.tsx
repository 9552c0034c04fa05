'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { createLocalitySchema, LOCALITY_KINDS } from '@/lib/admin/schema';
import { FormStatus } from './form-status';
import { SelectField } from '@/components/ui/field';

export function LocalityCreateForm({ action, communeId, defaultKind }: { action: FormAction<void>; communeId: number; defaultKind: 'village' | 'neighbourhood' }) {
  const t = useTranslations();
  const { form, register, state, pending, formProps } = useActionForm({
    action,
    schema: createLocalitySchema,
    defaultValues: { communeId: String(communeId), name: '', kind: defaultKind },
  });
  const errors = form.formState.errors;

  // Several localities are usually added one after another: clear the name, keep the kind.
  useEffect(() => {
    if (state.ok) form.setValue('name', '');
  }, [state, form]);

  return (
    <form {...formProps} className="max-w-md space-y-4">
      <FormStatus state={state} success={t('admin.localities.created')} />
      <input type="hidden" {...register('communeId')} />
      <TextField id="locality-name" label={t('admin.localities.name')} required maxLength={120} error={errors.name?.message} {...register('name')} />
      <SelectField
        id="locality-kind"
        label={t('admin.localities.kind')}
        required
        options={LOCALITY_KINDS.map((k) => ({ value: k, label: t(`localityKind.${k}`) }))}
        error={errors.kind?.message}
        {...register('kind')}
      />
      <Button type="submit" pending={pending}>
        {t('admin.localities.create')}
      </Button>
    </form>
  );
}
