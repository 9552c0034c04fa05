'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useContext } from 'react';
import { useFieldArray, useFormContext, useWatch, type Control, type FieldErrors, type Path } from 'react-hook-form';
import { SelectField } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { CheckboxField, TextField } from '@/components/ui/field';
import { conditionValues, MEASURES, questionSchema } from '@/lib/surveys/definition';
import { English, EnglishShown, ErrorKey, MoveButtons, errorAt, l, type Form, type Register } from './builder-parts';

export function QuestionEditor(props: {
  sectionIndex: number;
  index: number;
  count: number;
  control: Control<Form>;
  register: Register;
  errors: FieldErrors<Form>;
  areas: { slug: string; name: string }[];
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { sectionIndex: si, index: qi, control, register, errors } = props;
  const t = useTranslations('surveys.builder');
  const locale = useLocale();
  const base = `definition.sections.${si}.questions.${qi}` as const;
  const question = useWatch({ control, name: base });
  const sections = useWatch({ control, name: 'definition.sections' });
  const conditionSource = useWatch({ control, name: `${base}.condition.questionId` as Path<Form> }) as string | undefined;
  // Conditions may refer only to earlier questions; the schema refuses the rest anyway.
  const earlier = sections.flatMap((s, i) => (i < si ? s.questions : i === si ? s.questions.slice(0, qi) : []));
  const source = earlier.find((q) => q.id === conditionSource);
  const sourceValues = source ? (() => {
    const parsed = questionSchema.safeParse(source);
    return parsed.success ? conditionValues(parsed.data) : null;
  })() : null;
  const name = t('questionN', { n: qi + 1 });
  const id = (suffix: string) => `${base}-${suffix}`.replace(/\./g, '-');
  const hasCondition = Boolean(question?.condition);
  return (
    <fieldset className="space-y-4 rounded-md border-2 border-gray-300 p-4">
      <legend className="px-1 font-semibold">
        {name} · {t(`types.${question?.type ?? 'single_choice'}`)}
        {question?.label?.pl ? `: ${question.label.pl}` : ''}
      </legend>
      <MoveButtons index={qi} count={props.count} onMove={props.onMove} onRemove={props.onRemove} what={name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={id('label-pl')} label={t('labelPl')} required error={errorAt(errors, `${base}.label.pl`)} {...register(`${base}.label.pl`)} />
        <English>
          <TextField id={id('label-en')} label={t('labelEn')} error={errorAt(errors, `${base}.label.en`)} {...register(`${base}.label.en`)} />
        </English>
        <TextField id={id('help-pl')} label={t('helpPl')} error={errorAt(errors, `${base}.help.pl`)} {...register(`${base}.help.pl`)} />
        <English>
          <TextField id={id('help-en')} label={t('helpEn')} error={errorAt(errors, `${base}.help.en`)} {...register(`${base}.help.en`)} />
        </English>
        <TextField id={id('id')} label={t('questionId')} hint={t('idHint')} required error={errorAt(errors, `${base}.id`)} {...register(`${base}.id`)} />
        <SelectField
          id={id('area')}
          label={t('area')}
          options={[{ value: '', label: t('noArea') }, ...props.areas.map((a) => ({ value: a.slug, label: a.name }))]}
          {...register(`${base}.area`, { setValueAs: (v) => (v ? v : null) })}
        />
        <SelectField id={id('measure')} label={t('measure')} options={MEASURES.map((m) => ({ value: m, label: t(`measures.${m}`) }))} {...register(`${base}.measure`)} />
      </div>
      <BoolField id={id('required')} label={t('required')} name={`${base}.required`} />

      {question?.type === 'single_choice' || question?.type === 'multiple_choice' ? (
        <OptionsEditor control={control} register={register} errors={errors} path={`${base}.options`} legend={t('options')} prefix="opt" />
      ) : null}
      {question?.type === 'multiple_choice' ? (
        <TextField id={id('max-choices')} type="number" label={t('maxChoices')} hint={t('maxChoicesHint')} error={errorAt(errors, `${base}.maxChoices`)} {...register(`${base}.maxChoices` as Path<Form>, { setValueAs: (v) => (v === '' || v === null ? null : Number(v)) })} />
      ) : null}
      {question?.type === 'matrix' ? <OptionsEditor control={control} register={register} errors={errors} path={`${base}.rows`} legend={t('rows')} prefix="row" /> : null}
      {question?.type === 'ranking' ? (
        <>
          <OptionsEditor control={control} register={register} errors={errors} path={`${base}.items`} legend={t('items')} prefix="item" />
          <TextField id={id('max-ranked')} type="number" label={t('maxRanked')} error={errorAt(errors, `${base}.maxRanked`)} {...register(`${base}.maxRanked` as Path<Form>, { valueAsNumber: true })} />
        </>
      ) : null}
      {question?.type === 'rating' || question?.type === 'matrix' ? (
        <fieldset className="space-y-2">
          <legend className="font-semibold">{t('scale')}</legend>
          <div className="grid gap-2 sm:grid-cols-5">
            {[0, 1, 2, 3, 4].map((i) => (
              <TextField key={i} id={id(`scale-${i}`)} label={t('scalePoint', { n: i + 1 })} error={errorAt(errors, `${base}.scaleLabels.${i}.pl`)} {...register(`${base}.scaleLabels.${i}.pl` as Path<Form>)} />
            ))}
          </div>
          <English>
            <div className="grid gap-2 sm:grid-cols-5">
              {[0, 1, 2, 3, 4].map((i) => (
                <TextField key={i} id={id(`scale-${i}-en`)} label={t('scalePointEn', { n: i + 1 })} error={errorAt(errors, `${base}.scaleLabels.${i}.en`)} {...register(`${base}.scaleLabels.${i}.en` as Path<Form>)} />
              ))}
            </div>
          </English>
          <BoolField id={id('dont-know')} label={t('allowDontKnow')} name={`${base}.allowDontKnow`} />
        </fieldset>
      ) : null}
      {question?.type === 'number' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id={id('min')} type="number" label={t('min')} error={errorAt(errors, `${base}.min`)} {...register(`${base}.min` as Path<Form>, { valueAsNumber: true })} />
          <TextField id={id('max')} type="number" label={t('max')} error={errorAt(errors, `${base}.max`)} {...register(`${base}.max` as Path<Form>, { valueAsNumber: true })} />
        </div>
      ) : null}
      {question?.type === 'short_text' || question?.type === 'long_text' ? (
        <TextField id={id('max-length')} type="number" label={t('maxLength')} error={errorAt(errors, `${base}.maxLength`)} {...register(`${base}.maxLength` as Path<Form>, { valueAsNumber: true })} />
      ) : null}

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t('condition')}</legend>
        <p className="text-sm text-muted">{t('conditionHint')}</p>
        <ConditionToggle base={base} hasCondition={hasCondition} />
        {hasCondition ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              id={id('condition-question')}
              label={t('conditionQuestion')}
              error={errorAt(errors, `${base}.condition.questionId`)}
              options={[{ value: '', label: t('choose') }, ...earlier.map((q) => ({ value: q.id, label: `${q.id}: ${q.label?.pl ?? ''}` }))]}
              {...register(`${base}.condition.questionId` as Path<Form>)}
            />
            {sourceValues ? (
              <SelectField
                id={id('condition-value')}
                label={t('conditionValue')}
                error={errorAt(errors, `${base}.condition.equals`)}
                options={[
                  { value: '', label: t('choose') },
                  ...sourceValues.map((v) => {
                    const option = source && 'options' in source ? source.options?.find((o) => o.value === v) : undefined;
                    return { value: v, label: option ? `${v}: ${locale === 'en' && option.label?.en ? option.label.en : option.label?.pl}` : v };
                  }),
                ]}
                {...register(`${base}.condition.equals` as Path<Form>)}
              />
            ) : (
              <TextField id={id('condition-value')} label={t('conditionValue')} error={errorAt(errors, `${base}.condition.equals`)} {...register(`${base}.condition.equals` as Path<Form>)} />
            )}
          </div>
        ) : null}
      </fieldset>
    </fieldset>
  );
}

/**
 * A checkbox bound to a boolean of the form. Driven by setValue rather than register: inside
 * nested field arrays a registered checkbox could be re-synchronised to its old value.
 */
function BoolField({ id, label, name }: { id: string; label: string; name: string }) {
  const { control, setValue } = useFormContext<Form>();
  const value = useWatch({ control, name: name as Path<Form> });
  return (
    <CheckboxField
      id={id}
      name={`${name}-checkbox`}
      label={label}
      checked={Boolean(value)}
      onChange={(e) => setValue(name as Path<Form>, e.target.checked as never, { shouldDirty: true })}
    />
  );
}

function ConditionToggle({ base, hasCondition }: { base: string; hasCondition: boolean }) {
  const t = useTranslations('surveys.builder');
  const { setValue } = useFormContext<Form>();
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => setValue(`${base}.condition` as Path<Form>, (hasCondition ? null : { questionId: '', equals: '' }) as never, { shouldDirty: true })}
    >
      {hasCondition ? t('removeCondition') : t('addCondition')}
    </Button>
  );
}

function OptionsEditor({ control, register, errors, path, legend, prefix }: { control: Control<Form>; register: Register; errors: FieldErrors<Form>; path: string; legend: string; prefix: string }) {
  const t = useTranslations('surveys.builder');
  const options = useFieldArray({ control, name: path as `definition.sections.${number}.questions.${number}.options` });
  const arrayError = errorAt(errors, path);
  const english = useContext(EnglishShown);
  const id = (suffix: string) => `${path}-${suffix}`.replace(/\./g, '-');
  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">{legend}</legend>
      {arrayError ? (
        <p id={id('error')} className="font-semibold text-danger" role="alert">
          <ErrorKey code={arrayError} />
        </p>
      ) : null}
      {options.fields.map((option, oi) => (
        <div key={option.id} className={`grid items-end gap-2 rounded-md bg-gray-50 p-2 ${english ? 'sm:grid-cols-[1fr_1fr_10rem_auto]' : 'sm:grid-cols-[1fr_10rem_auto]'}`}>
          <TextField id={id(`${oi}-pl`)} label={t('optionLabelPl', { n: oi + 1 })} error={errorAt(errors, `${path}.${oi}.label.pl`)} {...register(`${path}.${oi}.label.pl` as Path<Form>)} />
          <English>
            <TextField id={id(`${oi}-en`)} label={t('optionLabelEn', { n: oi + 1 })} error={errorAt(errors, `${path}.${oi}.label.en`)} {...register(`${path}.${oi}.label.en` as Path<Form>)} />
          </English>
          <TextField id={id(`${oi}-value`)} label={t('optionValue', { n: oi + 1 })} error={errorAt(errors, `${path}.${oi}.value`)} {...register(`${path}.${oi}.value` as Path<Form>)} />
          <MoveButtons index={oi} count={options.fields.length} onMove={(to) => options.move(oi, to)} onRemove={() => options.remove(oi)} what={t('optionN', { n: oi + 1 })} />
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => options.append({ value: `${prefix}${options.fields.length + 1}_${Date.now() % 1000}`, label: l() })}>
        {t('addOption')}
        <span className="sr-only"> – {legend}</span>
      </Button>
    </fieldset>
  );
}
