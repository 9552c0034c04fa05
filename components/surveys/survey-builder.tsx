'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormProvider, useFieldArray, useForm, useFormContext, useWatch, type Path } from 'react-hook-form';
import { SelectField } from '@/components/ui/field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, FormMessage, TextField, useErrorText } from '@/components/ui/field';
import type { ActionResult } from '@/lib/result';
import { toLocalInput } from '@/lib/local-time';
import { surveyFormSchema, type SurveyFormOutput } from '@/lib/surveys/schema';
import { English, EnglishShown, errorAt, l, newQuestion, TextArea, type Form } from './builder-parts';
import { SectionEditor } from './section-editor';

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

  function onValid() {
    setMessage('');
    startTransition(async () => {
      // What was typed, not the parsed output: the server parses it again with the same schema
      // (its datetime-local texts are Warsaw times, whatever the browser's own zone).
      const result = await save(surveyId, form.getValues());
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
          <TextField type="datetime-local" label={t('opensAt')} hint={t('datesHint')} error={errorAt(errors, 'meta.opensAt')} {...register('meta.opensAt')} />
          <TextField type="datetime-local" label={t('closesAt')} hint={t('datesHint')} error={errorAt(errors, 'meta.closesAt')} {...register('meta.closesAt')} />
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
