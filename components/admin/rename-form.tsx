'use client';

import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { renameCommuneSchema, renameLocalitySchema } from '@/lib/admin/schema';
import { FormStatus } from './form-status';

const schemas = { commune: renameCommuneSchema, locality: renameLocalitySchema } as const;

/** Renames a commune or a locality; ids are per row, so several can sit on one page. */
export function RenameForm({ action, target, id, name }: { action: FormAction<void>; target: keyof typeof schemas; id: number; name: string }) {
  const t = useTranslations('admin');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: schemas[target], defaultValues: { id: String(id), name } });
  const errors = form.formState.errors;
  return (
    <form {...formProps} className="max-w-md space-y-3">
      <FormStatus state={state} success={t('renamed')} />
      <input type="hidden" {...register('id')} />
      <TextField id={`rename-${target}-${id}`} label={t('newName')} required maxLength={120} error={errors.name?.message} {...register('name')} />
      <Button type="submit" variant="secondary" pending={pending}>
        {t('rename')}
      </Button>
    </form>
  );
}
