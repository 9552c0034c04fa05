'use client';

import { useTranslations } from 'next-intl';
import { RecordFormFrame, useRecordForm } from '@/components/forms/record-form';
import type { FormAction } from '@/components/forms/use-action-form';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { ARTICLE_STATUSES, articleSchema, updateArticleSchema } from '@/lib/news/schema';

export interface ArticleFormValues {
  id?: string;
  title: string;
  lead: string;
  body: string;
  communeId: string;
  status: string;
  publishedAt: string;
}

/** Writes or edits an article; the publish date is typed as the Warsaw wall clock. */
export function ArticleForm<T>({
  action,
  communes,
  defaultValues,
}: {
  action: FormAction<T>;
  communes: { value: string; label: string }[];
  defaultValues: ArticleFormValues;
}) {
  const t = useTranslations('news');
  const { editing, errors, reg, frame } = useRecordForm({ action, defaultValues, createSchema: articleSchema, updateSchema: updateArticleSchema });
  return (
    <RecordFormFrame frame={frame} submit={editing ? t('form.save') : t('form.create')}>
      <TextField id="article-title" label={t('form.title')} required maxLength={200} error={errors.title?.message} {...reg('title')} />
      <TextAreaField id="article-lead" label={t('form.lead')} hint={t('form.leadHint')} required rows={3} error={errors.lead?.message} {...reg('lead')} />
      <TextAreaField id="article-body" label={t('form.body')} hint={t('form.bodyHint')} required rows={12} error={errors.body?.message} {...reg('body')} />
      <SelectField id="article-commune" label={t('form.commune')} required options={communes} error={errors.communeId?.message} {...reg('communeId')} />
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('form.status')}</legend>
        {ARTICLE_STATUSES.map((status) => (
          <div key={status} className="flex items-center gap-3">
            <input type="radio" id={`article-status-${status}`} value={status} className="h-5 w-5 accent-brand-700" {...reg('status')} />
            <label htmlFor={`article-status-${status}`}>{t(`status.${status}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextField
        id="article-published"
        type="datetime-local"
        label={t('form.publishedAt')}
        hint={t('form.publishedAtHint')}
        required
        error={errors.publishedAt?.message}
        {...reg('publishedAt')}
      />
    </RecordFormFrame>
  );
}
