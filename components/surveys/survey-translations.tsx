'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { errorAt } from '@/components/surveys/builder-parts';
import { Button } from '@/components/ui/button';
import { FormMessage, TextAreaField, TextField } from '@/components/ui/field';
import type { ActionResult } from '@/lib/result';
import { surveyFormSchema, type SurveyFormInput, type SurveyFormOutput } from '@/lib/surveys/schema';

type Form = SurveyFormInput;
type Pair = { pl?: string; en?: string } | undefined;

/**
 * The English texts of a survey that already has responses: its structure, Polish texts and
 * communes are frozen, but a translation may still be fixed. Each field names the Polish text it
 * translates; the whole form goes to the same save action, which refuses any other change.
 */
export function SurveyTranslations({ surveyId, initial, save }: { surveyId: string; initial: Form; save: (id: string | null, input: Form) => Promise<ActionResult<{ id: string }>> }) {
  const t = useTranslations('surveys.builder');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState('');
  const form = useForm<Form, unknown, SurveyFormOutput>({ resolver: zodResolver(surveyFormSchema) as never, defaultValues: initial, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { register, formState } = form;
  const errors = formState.errors;

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
      let first = true;
      for (const [field, keys] of Object.entries(result.fieldErrors)) {
        form.setError(field as Path<Form>, { type: 'server', message: keys[0] }, { shouldFocus: first });
        first = false;
      }
    });
  }

  const field = (path: string, pair: Pair, long = false) => {
    if (!pair?.pl) return null;
    const props = { id: `tr-${path.replace(/\./g, '-')}`, label: t('inEnglish', { text: pair.pl }), error: errorAt(errors, path), ...register(path as Path<Form>) };
    return long ? <TextAreaField key={path} rows={3} {...props} /> : <TextField key={path} {...props} />;
  };
  const options = (path: string, list: { label: Pair }[] | undefined) => list?.map((o, i) => field(`${path}.${i}.label.en`, o.label));

  return (
    <form noValidate onSubmit={form.handleSubmit(onValid, () => setMessage('form_invalid'))} className="space-y-8">
      {message ? <FormMessage messageKey={message} /> : null}
      <fieldset className="space-y-4 rounded-md border-2 border-gray-300 p-4">
        <legend className="px-1 text-lg font-semibold">{t('metaLegend')}</legend>
        {field('meta.titleEn', { pl: initial.meta.titlePl })}
        {field('meta.descriptionEn', { pl: initial.meta.descriptionPl }, true)}
      </fieldset>
      {initial.definition.sections.map((section, si) => {
        const base = `definition.sections.${si}`;
        return (
          <fieldset key={section.id} className="space-y-4 rounded-md border-2 border-brand-600 p-4">
            <legend className="px-1 text-lg font-semibold">
              {t('sectionN', { n: si + 1 })}: {section.title.pl}
            </legend>
            {field(`${base}.title.en`, section.title)}
            {field(`${base}.description.en`, section.description, true)}
            {section.questions.map((q, qi) => {
              const qBase = `${base}.questions.${qi}`;
              return (
                <fieldset key={q.id} className="space-y-3 rounded-md border-2 border-gray-300 p-4">
                  <legend className="px-1 font-semibold">
                    {t('questionN', { n: qi + 1 })}: {q.label.pl}
                  </legend>
                  {field(`${qBase}.label.en`, q.label)}
                  {field(`${qBase}.help.en`, q.help)}
                  {'options' in q ? options(`${qBase}.options`, q.options) : null}
                  {'rows' in q ? options(`${qBase}.rows`, q.rows) : null}
                  {'items' in q ? options(`${qBase}.items`, q.items) : null}
                  {'scaleLabels' in q ? q.scaleLabels?.map((label, i) => field(`${qBase}.scaleLabels.${i}.en`, label)) : null}
                </fieldset>
              );
            })}
          </fieldset>
        );
      })}
      <Button type="submit" pending={pending}>
        {t('saveTranslations')}
      </Button>
    </form>
  );
}
