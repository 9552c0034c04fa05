'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFieldArray, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { SelectField } from '@/components/ui/field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { QUESTION_TYPES, type QuestionType } from '@/lib/surveys/definition';
import { English, ErrorKey, MoveButtons, newQuestion, TextArea, errorAt, type Form, type Register } from './builder-parts';
import { QuestionEditor } from './question-editor';

export function SectionEditor(props: {
  index: number;
  count: number;
  control: Control<Form>;
  register: Register;
  errors: FieldErrors<Form>;
  areas: { slug: string; name: string }[];
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { index: si, control, register, errors } = props;
  const t = useTranslations('surveys.builder');
  const questions = useFieldArray({ control, name: `definition.sections.${si}.questions` });
  const [type, setType] = useState<QuestionType>('single_choice');
  const title = useWatch({ control, name: `definition.sections.${si}.title.pl` });
  const base = `definition.sections.${si}` as const;
  const sectionName = t('sectionN', { n: si + 1 });
  return (
    <fieldset className="space-y-4 rounded-md border-2 border-brand-600 p-4">
      <legend className="px-1 text-lg font-semibold">
        {sectionName}: {title}
      </legend>
      <MoveButtons index={si} count={props.count} onMove={props.onMove} onRemove={props.onRemove} what={sectionName} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('sectionTitlePl')} id={`${base}-title-pl`} required error={errorAt(errors, `${base}.title.pl`)} {...register(`${base}.title.pl`)} />
        <English>
          <TextField label={t('sectionTitleEn')} id={`${base}-title-en`} error={errorAt(errors, `${base}.title.en`)} {...register(`${base}.title.en`)} />
        </English>
        <TextField label={t('sectionId')} id={`${base}-id`} hint={t('idHint')} required error={errorAt(errors, `${base}.id`)} {...register(`${base}.id`)} />
      </div>
      <TextArea label={t('sectionDescriptionPl')} name={`${base}.description.pl`} register={register} error={errorAt(errors, `${base}.description.pl`)} />
      <English>
        <TextArea label={t('sectionDescriptionEn')} name={`${base}.description.en`} register={register} error={errorAt(errors, `${base}.description.en`)} />
      </English>
      {errorAt(errors, `${base}.questions`) ? (
        <Alert tone="error">
          <ErrorKey code={errorAt(errors, `${base}.questions`)} />
        </Alert>
      ) : null}
      {questions.fields.map((q, qi) => (
        <QuestionEditor
          key={q.id}
          sectionIndex={si}
          index={qi}
          count={questions.fields.length}
          control={control}
          register={register}
          errors={errors}
          areas={props.areas}
          onMove={(to) => questions.move(qi, to)}
          onRemove={() => questions.remove(qi)}
        />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          id={`${base}-new-type`}
          name={`${base}-new-type`}
          label={t('newQuestionType')}
          value={type}
          onChange={(e) => setType(e.target.value as QuestionType)}
          options={QUESTION_TYPES.map((qt) => ({ value: qt, label: t(`types.${qt}`) }))}
        />
        <Button type="button" variant="secondary" onClick={() => questions.append(newQuestion(type, `q${si + 1}_${Date.now() % 100000}`))}>
          {t('addQuestion')}
          <span className="sr-only"> – {sectionName}</span>
        </Button>
      </div>
    </fieldset>
  );
}
