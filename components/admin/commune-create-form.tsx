'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { COMMUNE_KINDS, createCommuneSchema, slugify } from '@/lib/admin/schema';
import { FormStatus } from './form-status';
import { SelectField } from '@/components/ui/field';

const blank = { name: '', slug: '', kind: 'rural' } as const;

export function CommuneCreateForm({ action }: { action: FormAction<void> }) {
  const t = useTranslations();
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: createCommuneSchema, defaultValues: blank });
  const errors = form.formState.errors;
  const name = register('name');
  const slug = register('slug');
  // Until the slug is typed by hand, it follows the name ("Nowy Żmigród" → "nowy-zmigrod").
  const slugTyped = useRef(false);

  useEffect(() => {
    if (!state.ok) return;
    form.reset(blank);
    slugTyped.current = false;
  }, [state, form]);

  return (
    <form {...formProps} className="max-w-md space-y-4">
      <FormStatus state={state} success={t('admin.communes.created')} />
      <TextField
        id="commune-name"
        label={t('admin.communes.name')}
        required
        maxLength={120}
        error={errors.name?.message}
        {...name}
        onChange={(event) => {
          void name.onChange(event);
          if (!slugTyped.current) form.setValue('slug', slugify(event.target.value), { shouldValidate: form.formState.isSubmitted });
        }}
      />
      <TextField
        id="commune-slug"
        label={t('admin.communes.slug')}
        hint={t('admin.communes.slugHint')}
        required
        maxLength={60}
        error={errors.slug?.message}
        {...slug}
        onChange={(event) => {
          slugTyped.current = event.target.value !== '';
          void slug.onChange(event);
        }}
      />
      <SelectField
        id="commune-kind"
        label={t('admin.communes.kind')}
        required
        options={COMMUNE_KINDS.map((k) => ({ value: k, label: t(`communeKind.${k}`) }))}
        error={errors.kind?.message}
        {...register('kind')}
      />
      <Button type="submit" pending={pending}>
        {t('admin.communes.create')}
      </Button>
    </form>
  );
}
