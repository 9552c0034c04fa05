'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext, type ReactNode } from 'react';
import { type FieldErrors, type Path, type UseFormRegister } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/components/ui/field';
import { type QuestionType } from '@/lib/surveys/definition';
import { type SurveyFormInput } from '@/lib/surveys/schema';

// The survey builder's shared pieces: the form's type, a new question of each type, English-text
// toggling, and the small fields every editor uses.

export type Form = SurveyFormInput;
export type Register = UseFormRegister<Form>;

export const l = (pl = '', en = '') => ({ pl, en });
export const SCALE = () => [l('1'), l('2'), l('3'), l('4'), l('5')];

/** A new question of each type, ready to edit: the builder fixes a question's type when it is added. */
export function newQuestion(type: QuestionType, id: string): Form['definition']['sections'][number]['questions'][number] {
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

/** Are the English versions of the texts shown for editing? (Hidden by default: most authors write Polish only.) */
export const EnglishShown = createContext(false);

/** Renders its fields only while the author has asked to see the English texts. */
export function English({ children }: { children: ReactNode }) {
  return useContext(EnglishShown) ? <>{children}</> : null;
}

export function TextArea({ label, name, register, error }: { label: string; name: Path<Form>; register: Register; error?: string }) {
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

export function MoveButtons({ index, count, onMove, onRemove, what }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void; what: string }) {
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

export function ErrorKey({ code }: { code?: string }) {
  return <>{useErrorText()(code)}</>;
}
