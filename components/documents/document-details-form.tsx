'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/admin/form-status';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField, type SelectOption } from '@/components/ui/field';
import { DOCUMENT_KINDS, updateDocumentSchema, VISIBILITIES } from '@/lib/documents/schema';

export interface DocumentDetailsValues {
  id: string;
  title: string;
  kind: string;
  communeId: string;
  serviceAreaId: string;
  visibility: string;
  description: string;
}

/** Edits what describes a document (its files are versions, added on its page). */
export function DocumentDetailsForm<T>({
  action,
  defaultValues,
  communes,
  areas,
  communeFixed,
}: {
  action: FormAction<T>;
  defaultValues: DocumentDetailsValues;
  communes: SelectOption[];
  areas: SelectOption[];
  /** An attachment keeps the commune of what it is attached to. */
  communeFixed: boolean;
}) {
  const t = useTranslations('documents');
  const { form, register, radio, state, pending, formProps } = useActionForm({ action, schema: updateDocumentSchema, defaultValues: defaultValues as never });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const reg = (name: keyof DocumentDetailsValues) => register(name as never);
  return (
    <form {...formProps} className="max-w-2xl space-y-5">
      <FormStatus state={state} />
      <input type="hidden" {...reg('id')} />
      <TextField id="document-title" label={t('upload.titleLabel')} required maxLength={200} error={errors.title?.message} {...reg('title')} />
      <SelectField id="document-kind" label={t('upload.kindLabel')} required options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} error={errors.kind?.message} {...reg('kind')} />
      {communeFixed ? (
        <>
          <input type="hidden" {...reg('communeId')} />
          <p className="text-sm text-muted">{t('edit.attachedCommune')}</p>
        </>
      ) : (
        <SelectField id="document-commune" label={t('upload.communeLabel')} required options={communes} error={errors.communeId?.message} {...reg('communeId')} />
      )}
      <SelectField id="document-area" label={t('upload.areaLabel')} options={[{ value: '', label: t('upload.noArea') }, ...areas]} error={errors.serviceAreaId?.message} {...reg('serviceAreaId')} />
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('upload.visibilityLabel')}</legend>
        {VISIBILITIES.map((v) => (
          <div key={v} className="flex items-center gap-3">
            <input type="radio" id={`document-visibility-${v}`} className="h-5 w-5 accent-brand-700" {...radio('visibility' as never, v)} />
            <label htmlFor={`document-visibility-${v}`}>{t(`visibilityOption.${v}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField id="document-description" label={t('upload.descriptionLabel')} hint={t('upload.descriptionHint')} rows={4} error={errors.description?.message} {...reg('description')} />
      <Button type="submit" pending={pending}>
        {t('edit.save')}
      </Button>
    </form>
  );
}
