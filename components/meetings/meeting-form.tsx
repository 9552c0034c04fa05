'use client';

import { useTranslations } from 'next-intl';
import { RecordFormFrame, useRecordForm } from '@/components/forms/record-form';
import type { FormAction } from '@/components/forms/use-action-form';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { createMeetingSchema, MEETING_TYPES, updateMeetingSchema } from '@/lib/meetings/schema';

export interface MeetingFormValues {
  id?: string;
  type: string;
  title: string;
  description: string;
  agenda: string;
  startsAt: string;
  endsAt: string;
  address: string;
  onlineUrl: string;
  communeId: string;
  linkUrl: string;
  capacity: string;
}

/**
 * Publishes a new meeting or edits one. Times are typed as the Warsaw wall clock
 * (datetime-local); the shared schema turns them into instants and checks the order.
 * `communes` holds only what the user may publish in ('' = the whole county).
 */
export function MeetingForm<T>({
  action,
  communes,
  defaultValues,
}: {
  action: FormAction<T>;
  communes: { value: string; label: string }[];
  defaultValues: MeetingFormValues;
}) {
  const t = useTranslations('meetings');
  const { editing, errors, reg, frame } = useRecordForm({ action, defaultValues, createSchema: createMeetingSchema, updateSchema: updateMeetingSchema });

  return (
    <RecordFormFrame frame={frame} submit={editing ? t('form.save') : t('form.publish')}>
      <SelectField
        id="meeting-type"
        label={t('form.type')}
        required
        options={MEETING_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        error={errors.type?.message}
        {...reg('type')}
      />
      <TextField id="meeting-title" label={t('form.title')} required maxLength={200} error={errors.title?.message} {...reg('title')} />
      <SelectField id="meeting-commune" label={t('form.commune')} required options={communes} error={errors.communeId?.message} {...reg('communeId')} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t('detail.when')}</legend>
        <p id="meeting-time-hint" className="text-sm text-muted">
          {t('form.timeHint')}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="meeting-starts" type="datetime-local" label={t('form.startsAt')} required error={errors.startsAt?.message} {...reg('startsAt')} />
          <TextField id="meeting-ends" type="datetime-local" label={t('form.endsAt')} required error={errors.endsAt?.message} {...reg('endsAt')} />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t('detail.where')}</legend>
        <TextField id="meeting-address" label={t('form.address')} hint={t('form.addressHint')} required maxLength={300} error={errors.address?.message} {...reg('address')} />
        <TextField id="meeting-online" type="url" label={t('form.onlineUrl')} hint={t('form.onlineUrlHint')} error={errors.onlineUrl?.message} {...reg('onlineUrl')} />
      </fieldset>
      <TextAreaField id="meeting-description" label={t('form.description')} hint={t('form.descriptionHint')} error={errors.description?.message} {...reg('description')} />
      <TextAreaField id="meeting-agenda" label={t('form.agenda')} hint={t('form.agendaHint')} rows={5} error={errors.agenda?.message} {...reg('agenda')} />
      <TextField id="meeting-link" label={t('form.linkUrl')} hint={t('form.linkUrlHint')} error={errors.linkUrl?.message} {...reg('linkUrl')} />
      <TextField id="meeting-capacity" type="number" inputMode="numeric" min={1} label={t('form.capacity')} error={errors.capacity?.message} {...reg('capacity')} />
    </RecordFormFrame>
  );
}
