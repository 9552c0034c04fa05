'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useState, useTransition, type ReactNode } from 'react';
import { FormProvider, useFieldArray, useForm, useFormContext, useWatch, type Control, type FieldErrors, type Path, type UseFormRegister } from 'react-hook-form';
import { SelectField } from '@/components/ui/field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormMessage, TextField, useErrorText } from '@/components/ui/field';
import { conditionValues, MEASURES, QUESTION_TYPES, questionSchema, type QuestionType } from '@/lib/surveys/definition';
import type { ActionResult } from '@/lib/result';
import { surveyFormSchema, type SurveyFormInput, type SurveyFormOutput } from '@/lib/surveys/schema';

type Form = SurveyFormInput;
type Register = UseFormRegister<Form>;

const l = (pl = '', en = '') => ({ pl, en });
const SCALE = () => [l('1'), l('2'), l('3'), l('4'), l('5')];

/** A new question of each type, ready to edit: the builder fixes a question's type when it is added. */
function newQuestion(type: QuestionType, id: string): Form['definition']['sections'][number]['questions'][number] {
  const base = { id, label: l(), help: l(), required: false, area: null, measure: 'other' as const, condition: null };
  const options = () => [{ value: 'opt1', label: l() }, { value: 'opt2', label: l() }];
  switch (type) {
    case 'single_choice':
      return { ...base, type, options: options() };
    case 'multiple_choice':
      return { ...base, type, options: options(), maxChoices: null };
    case 'rating':
      return { ...base, type, scaleLabels: SCALE(), allowDontKnow: true, measure: 'satisfaction' };
    case 'matrix':
      return { ...base, type, rows: [{ value: 'row1', label: l() }], scaleLabels: SCALE(), allowDontKnow: true, measure: 'satisfaction' };
    case 'ranking':
      return { ...base, type, items: [{ value: 'item1', label: l() }, { value: 'item2', label: l() }], maxRanked: 2, measure: 'priority' };
    case 'number':
      return { ...base, type, min: 0, max: 100 };
    case 'short_text':
      return { ...base, type, maxLength: 200 };
    case 'long_text':
      return { ...base, type, maxLength: 2000 };
  }
}

export function errorAt(errors: FieldErrors<Form>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const entry = node as { message?: string; root?: { message?: string } } | undefined;
  return entry?.message ?? entry?.root?.message;
}

function toLocalInput(value: unknown): string {
  if (!value) return '';
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Are the English versions of the texts shown for editing? (Hidden by default: most authors write Polish only.) */
const EnglishShown = createContext(false);

/** Renders its fields only while the author has asked to see the English texts. */
function English({ children }: { children: ReactNode }) {
  return useContext(EnglishShown) ? <>{children}</> : null;
}

/** Does an error tree (react-hook-form's, or the server's field names) touch an English text? */
function touchesEnglish(paths: string[]): boolean {
  return paths.some((p) => /(^|\.)en(\.|$)|En$/.test(p));
}

function errorPaths(node: unknown, prefix = ''): string[] {
  if (!node || typeof node !== 'object') return [];
  const entry = node as Record<string, unknown>;
  const own = typeof entry.message === 'string' ? [prefix] : [];
  return [
    ...own,
    ...Object.entries(entry)
      .filter(([k]) => k !== 'ref' && k !== 'message' && k !== 'type' && k !== 'types')
      .flatMap(([k, v]) => errorPaths(v, prefix ? `${prefix}.${k}` : k)),
  ];
}

function hasEnglishText(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasEnglishText);
  return Object.entries(value as Record<string, unknown>).some(
    ([k, v]) => ((k === 'en' || k === 'titleEn' || k === 'descriptionEn') && typeof v === 'string' && v.trim() !== '') || hasEnglishText(v),
  );
}

export interface BuilderProps {
  surveyId: string | null;
  initial: Form;
  areas: { slug: string; name: string }[];
  /** The communes this author may cover (the server checks the same reach). */
  communes: { id: number; name: string }[];
  save: (id: string | null, input: Form) => Promise<ActionResult<{ id: string }>>;
}

/**
 * The survey builder: sections, questions of every type, options, conditions and tags, checked
 * with the same schema the server action uses; a refusal lands on the field that caused it.
 */
export function SurveyBuilder({ surveyId, initial, areas, communes, save }: BuilderProps) {
  const t = useTranslations('surveys.builder');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string>('');
  const [showEnglish, setShowEnglish] = useState(() => hasEnglishText(initial));
  const form = useForm<Form, unknown, SurveyFormOutput>({
    resolver: zodResolver(surveyFormSchema) as never,
    defaultValues: { ...initial, meta: { ...initial.meta, opensAt: toLocalInput(initial.meta.opensAt) as never, closesAt: toLocalInput(initial.meta.closesAt) as never } },
    // Checked on save, then as fields change: checking on every blur re-rendered the long form
    // (and moved it) while people were clicking in it.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, control, formState } = form;
  const errors = formState.errors;
  const sections = useFieldArray({ control, name: 'definition.sections' });
  const errorText = useErrorText();

  function onValid(values: SurveyFormOutput) {
    setMessage('');
    startTransition(async () => {
      const result = await save(surveyId, values as unknown as Form);
      if (result.ok) {
        router.push(`/surveys/manage/${result.data.id}`);
        router.refresh();
        return;
      }
      setMessage(result.message);
      // A refused English text must be visible to be fixed.
      if (touchesEnglish(Object.keys(result.fieldErrors))) setShowEnglish(true);
      let first = true;
      for (const [field, keys] of Object.entries(result.fieldErrors)) {
        form.setError(field as Path<Form>, { type: 'server', message: keys[0] }, { shouldFocus: first });
        first = false;
      }
    });
  }

  return (
    <FormProvider {...form}>
    <EnglishShown.Provider value={showEnglish}>
    <form
      noValidate
      onSubmit={form.handleSubmit(onValid, (invalid) => {
        setMessage('form_invalid');
        if (touchesEnglish(errorPaths(invalid))) setShowEnglish(true);
      })}
      className="space-y-8"
    >
      {message ? <FormMessage messageKey={message} /> : null}

      <CheckboxField id="builder-show-english" name="builder-show-english" label={t('showEnglish')} checked={showEnglish} onChange={(e) => setShowEnglish(e.target.checked)} />

      <fieldset className="space-y-4 rounded-md border-2 border-gray-300 p-4">
        <legend className="px-1 text-lg font-semibold">{t('metaLegend')}</legend>
        <TextField label={t('titlePl')} required error={errorAt(errors, 'meta.titlePl')} {...register('meta.titlePl')} />
        <English>
          <TextField label={t('titleEn')} error={errorAt(errors, 'meta.titleEn')} {...register('meta.titleEn')} />
        </English>
        <TextField label={t('slug')} hint={t('slugHint')} required error={errorAt(errors, 'meta.slug')} {...register('meta.slug')} />
        <TextArea label={t('descriptionPl')} name="meta.descriptionPl" register={register} error={errorAt(errors, 'meta.descriptionPl')} />
        <English>
          <TextArea label={t('descriptionEn')} name="meta.descriptionEn" register={register} error={errorAt(errors, 'meta.descriptionEn')} />
        </English>
        <SelectField
          label={t('responseMode')}
          options={[
            { value: 'open_link', label: t('modeOpen') },
            { value: 'invitation', label: t('modeInvitation') },
          ]}
          {...register('meta.responseMode')}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField type="datetime-local" label={t('opensAt')} hint={t('datesHint')} error={errorAt(errors, 'meta.opensAt')} {...register('meta.opensAt', { setValueAs: (v) => (v ? new Date(v) : null) })} />
          <TextField type="datetime-local" label={t('closesAt')} hint={t('datesHint')} error={errorAt(errors, 'meta.closesAt')} {...register('meta.closesAt', { setValueAs: (v) => (v ? new Date(v) : null) })} />
        </div>
        <CommunesField communes={communes} error={errorAt(errors, 'meta.communeIds')} />
      </fieldset>

      {errorAt(errors, 'definition.sections') ? <Alert tone="error">{errorText(errorAt(errors, 'definition.sections'))}</Alert> : null}

      {sections.fields.map((section, si) => (
        <SectionEditor
          key={section.id}
          index={si}
          count={sections.fields.length}
          control={control}
          register={register}
          errors={errors}
          areas={areas}
          onMove={(to) => sections.move(si, to)}
          onRemove={() => sections.remove(si)}
        />
      ))}

      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            const n = sections.fields.length + 1;
            sections.append({ id: `section${n}_${Date.now() % 1000}`, title: l(t('newSectionTitle', { n })), description: l(), questions: [newQuestion('single_choice', `q${Date.now() % 100000}`)] });
          }}
        >
          {t('addSection')}
        </Button>
        <Button type="submit" pending={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
    </EnglishShown.Provider>
    </FormProvider>
  );
}

function TextArea({ label, name, register, error }: { label: string; name: Path<Form>; register: Register; error?: string }) {
  const errorText = useErrorText()(error);
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <textarea id={id} rows={3} aria-invalid={errorText ? true : undefined} aria-describedby={errorText ? `${id}-error` : undefined} className="block w-full rounded-md border-2 border-gray-500 px-3 py-2" {...register(name)} />
      {errorText ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

function MoveButtons({ index, count, onMove, onRemove, what }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void; what: string }) {
  const t = useTranslations('surveys.builder');
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="button" variant="secondary" disabled={index === 0} onClick={() => onMove(index - 1)}>
        {t('moveUp')}
        <span className="sr-only"> – {what}</span>
      </Button>
      <Button type="button" variant="secondary" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        {t('moveDown')}
        <span className="sr-only"> – {what}</span>
      </Button>
      <Button type="button" variant="danger" onClick={onRemove}>
        {t('remove')}
        <span className="sr-only"> – {what}</span>
      </Button>
    </div>
  );
}

function SectionEditor(props: {
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

function ErrorKey({ code }: { code?: string }) {
  return <>{useErrorText()(code)}</>;
}

function QuestionEditor(props: {
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

/**
 * The communes the survey covers: a checkbox each, and "all communes" to tick or clear them at
 * once. Bound with setValue (a list of ids), like BoolField; at least one is required by the schema.
 */
function CommunesField({ communes, error }: { communes: { id: number; name: string }[]; error?: string }) {
  const t = useTranslations('surveys.builder');
  const { control, setValue, formState } = useFormContext<Form>();
  const errorText = useErrorText()(error);
  const picked = (useWatch({ control, name: 'meta.communeIds' }) ?? []) as number[];
  const all = communes.length > 0 && communes.every((c) => picked.includes(c.id));
  const set = (ids: number[]) =>
    setValue('meta.communeIds', communes.map((c) => c.id).filter((id) => ids.includes(id)), { shouldDirty: true, shouldValidate: formState.isSubmitted });
  return (
    <fieldset className="space-y-2" aria-describedby={errorText ? 'meta-communes-hint meta-communes-error' : 'meta-communes-hint'}>
      <legend className="font-semibold">
        {t('communes')}
        <span aria-hidden="true" className="text-danger"> *</span>
      </legend>
      <p id="meta-communes-hint" className="text-sm text-muted">
        {t('communesHint')}
      </p>
      {errorText ? (
        <p id="meta-communes-error" className="text-sm font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
      {communes.length > 1 ? (
        <CheckboxField id="meta-communes-all" name="meta-communes-all" label={t('allCommunes')} checked={all} onChange={(e) => set(e.target.checked ? communes.map((c) => c.id) : [])} />
      ) : null}
      <div className="grid gap-1 sm:grid-cols-2">
        {communes.map((c) => (
          <CheckboxField
            key={c.id}
            id={`meta-commune-${c.id}`}
            name="meta-communes"
            label={c.name}
            checked={picked.includes(c.id)}
            onChange={(e) => set(e.target.checked ? [...picked, c.id] : picked.filter((id) => id !== c.id))}
          />
        ))}
      </div>
    </fieldset>
  );
}
