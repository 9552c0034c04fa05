'use client';

import { useLocale, useTranslations } from 'next-intl';
import { type ReactNode } from 'react';
import { useErrorText } from '@/components/ui/field';
import type { Question } from '@/lib/surveys/definition';
import { fieldName } from '@/lib/surveys/form-fields';
import { DONT_KNOW, localize, rankingLength, type AnswerValue } from '@/lib/surveys/questions';
import { fieldId } from '@/lib/surveys/steps';
import { useHydrated } from '@/components/forms/use-hydrated';
import { translatedContent } from '@/lib/i18n/content-lang';

/** A fieldset with its legend, help and error, as every question is drawn. */
function QuestionBox({ id, legend, help, error, required, lang, children }: { id: string; legend: string; help?: string; error?: string; required: boolean; lang?: string; children: ReactNode }) {
  const t = useTranslations('surveys.fill');
  const errorText = useErrorText()(error);
  const describedBy = [help ? `${id}-help` : null, errorText ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy} aria-invalid={errorText ? true : undefined} className={`min-w-0 space-y-3 rounded-md border-2 p-3 sm:p-4 ${errorText ? 'border-danger' : 'border-gray-300'}`}>
      <legend className="px-1 text-lg font-semibold">
        <span lang={lang}>{legend}</span>
        {required ? <span className="text-danger"> *<span className="sr-only"> {t('required')}</span></span> : null}
      </legend>
      {help ? (
        <p id={`${id}-help`} lang={lang} className="whitespace-pre-line text-sm text-muted">
          {help}
        </p>
      ) : null}
      {errorText ? (
        <p id={`${id}-error`} className="font-semibold text-danger">
          {errorText}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

function Choice({ type, name, value, id, label, lang, checked, disabled, onChange }: { type: 'radio' | 'checkbox'; name: string; value: string; id: string; label: string; lang?: string; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="flex min-h-11 items-center gap-3">
      <input type={type} name={name} value={value} id={id} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} className="h-6 w-6 shrink-0 accent-brand-700" />
      <label htmlFor={id} lang={lang} className={`flex-1 py-2 ${disabled ? 'text-muted' : ''}`}>
        {label}
      </label>
    </div>
  );
}

export const selectClass = 'block w-full min-h-11 rounded-md border-2 border-gray-500 bg-white px-3 py-2 text-base';

function ScaleInput({ name, labels, allowDontKnow, value, paper, onChange, label }: {
  name: string;
  label: string;
  labels: { pl: string; en: string }[];
  allowDontKnow: boolean;
  value: number | 'dk' | undefined;
  paper: boolean;
  onChange: (v: number | 'dk' | undefined) => void;
}) {
  const t = useTranslations('surveys.fill');
  const locale = useLocale();
  const points = labels.map((l, i) => ({ value: String(i + 1), text: `${i + 1} – ${localize(l, locale)}` }));
  if (allowDontKnow) points.push({ value: DONT_KNOW, text: t('dontKnow') });
  if (paper) {
    return (
      <select aria-label={label} name={name} className={selectClass} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === DONT_KNOW ? DONT_KNOW : Number(e.target.value))}>
        <option value="">{t('choose')}</option>
        {points.map((p) => (
          <option key={p.value} value={p.value}>
            {p.text}
          </option>
        ))}
      </select>
    );
  }
  return <ScaleRow name={name} points={points.map((p, i) => ({ ...p, short: p.value === DONT_KNOW ? t('dontKnowShort') : String(i + 1) }))} value={value} onChange={onChange} />;
}

/**
 * One compact row of a scale: the points side by side, each a radio with its number shown and its
 * whole label ("4 – Dobrze") said; the labels are shown once, above the rows (scaleKey).
 */
function ScaleRow({ name, points, value, onChange }: { name: string; points: { value: string; text: string; short: string }[]; value: number | 'dk' | undefined; onChange: (v: number | 'dk' | undefined) => void }) {
  return (
    <div className="flex gap-1">
      {points.map((p) => {
        const checked = value !== undefined && String(value) === p.value;
        return (
          <label
            key={p.value}
            className={`flex min-h-11 min-w-10 cursor-pointer flex-col items-center justify-center gap-0.5 rounded-md border-2 px-1 py-1 ${p.value === DONT_KNOW ? 'flex-none text-xs' : 'flex-1'} ${checked ? 'border-brand-700 bg-brand-50' : 'border-gray-300'}`}
          >
            <input type="radio" name={name} value={p.value} checked={checked} onChange={() => onChange(p.value === DONT_KNOW ? DONT_KNOW : Number(p.value))} className="h-6 w-6 accent-brand-700" />
            <span aria-hidden="true" className="font-semibold leading-tight">
              {p.short}
            </span>
            <span className="sr-only">{p.text}</span>
          </label>
        );
      })}
    </div>
  );
}

/** The scale's labels, once per question ("1 – Bardzo źle · … · 5 – Bardzo dobrze"), unless they are the bare numbers. */
function scaleKey(labels: { pl: string; en: string }[], locale: string): string | undefined {
  const texts = labels.map((l) => localize(l, locale));
  if (texts.every((text, i) => text === String(i + 1))) return undefined;
  return texts.map((text, i) => `${i + 1} – ${text}`).join(' · ');
}

export function QuestionField({ question: q, value, error, paper, onChange }: { question: Question; value: AnswerValue | undefined; error?: string; paper: boolean; onChange: (v: AnswerValue | undefined) => void }) {
  const t = useTranslations('surveys.fill');
  const live = useHydrated();
  const locale = useLocale();
  const id = fieldId(`answers.${q.id}`);
  const legend = localize(q.label, locale);
  const help = localize(q.help, locale) || undefined;
  // A question not translated into the page's language is shown, and marked, in Polish.
  const lang = translatedContent(q.label, locale);
  const box = (children: ReactNode, extraHelp?: string) => (
    <QuestionBox id={id} legend={legend} help={[help, extraHelp].filter(Boolean).join('\n') || undefined} error={error} required={q.required} lang={lang}>
      {children}
    </QuestionBox>
  );
  switch (q.type) {
    case 'single_choice':
      if (paper) {
        return box(
          <select aria-label={legend} name={q.id} className={selectClass} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
            <option value="">{t('choose')}</option>
            {q.options.map((o) => (
              <option key={o.value} value={o.value} lang={lang}>
                {localize(o.label, locale)}
              </option>
            ))}
          </select>,
        );
      }
      return box(
        q.options.map((o) => (
          <Choice key={o.value} type="radio" name={fieldName.question(q)} value={o.value} id={`${id}-${o.value}`} label={localize(o.label, locale)} lang={lang} checked={value === o.value} onChange={() => onChange(o.value)} />
        )),
      );
    case 'multiple_choice': {
      const chosen = (value as string[] | undefined) ?? [];
      // "Choose at most N": once N are ticked the rest wait, disabled, until one is unticked.
      const full = q.maxChoices !== null && chosen.length >= q.maxChoices;
      return box(
        <>
          {q.options.map((o) => (
            <Choice
              key={o.value}
              type="checkbox"
              name={fieldName.question(q)}
              value={o.value}
              id={`${id}-${o.value}`}
              label={localize(o.label, locale)}
              lang={lang}
              checked={chosen.includes(o.value)}
              disabled={!paper && full && !chosen.includes(o.value)}
              onChange={(on) => onChange(on ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
            />
          ))}
          {q.maxChoices !== null && !paper && live ? (
            <p className="text-sm font-semibold" aria-live="polite">
              {t('chosenCount', { chosen: chosen.length, max: q.maxChoices })}
            </p>
          ) : null}
        </>,
        q.maxChoices ? t('maxChoices', { count: q.maxChoices }) : undefined,
      );
    }
    case 'rating':
      if (!paper) {
        return box(
          <ScaleInput name={fieldName.question(q)} label={legend} labels={q.scaleLabels} allowDontKnow={q.allowDontKnow} value={value as number | 'dk' | undefined} paper={false} onChange={onChange} />,
          scaleKey(q.scaleLabels, locale),
        );
      }
      return box(<ScaleInput name={q.id} label={legend} labels={q.scaleLabels} allowDontKnow={q.allowDontKnow} value={value as number | 'dk' | undefined} paper={paper} onChange={onChange} />);
    case 'matrix': {
      const current = (value as Record<string, number | 'dk'> | undefined) ?? {};
      return box(
        <div className={paper ? 'space-y-3' : 'space-y-2'}>
          {q.rows.map((row) => {
            const rowLabel = localize(row.label, locale);
            const set = (v: number | 'dk' | undefined) => {
              const next = { ...current };
              if (v === undefined) delete next[row.value];
              else next[row.value] = v;
              onChange(Object.keys(next).length ? next : undefined);
            };
            return paper ? (
              <div key={row.value} className="grid items-center gap-1 sm:grid-cols-2">
                <label htmlFor={`${id}-${row.value}`} lang={lang}>
                  {rowLabel}
                </label>
                <select id={`${id}-${row.value}`} name={fieldName.row(q, row.value)} className={selectClass} value={current[row.value] === undefined ? '' : String(current[row.value])} onChange={(e) => set(e.target.value === '' ? undefined : e.target.value === DONT_KNOW ? DONT_KNOW : Number(e.target.value))}>
                  <option value="">{t('choose')}</option>
                  {q.scaleLabels.map((l, i) => (
                    <option key={i} value={String(i + 1)}>
                      {i + 1} – {localize(l, locale)}
                    </option>
                  ))}
                  {q.allowDontKnow ? <option value={DONT_KNOW}>{t('dontKnow')}</option> : null}
                </select>
              </div>
            ) : (
              <div key={row.value} className="border-t border-gray-200 pt-2">
                <fieldset className="min-w-0">
                  <legend lang={lang} className="pb-1 font-medium">
                    {rowLabel}
                  </legend>
                  <ScaleInput name={fieldName.row(q, row.value)} label={rowLabel} labels={q.scaleLabels} allowDontKnow={q.allowDontKnow} value={current[row.value]} paper={false} onChange={set} />
                </fieldset>
              </div>
            );
          })}
        </div>,
        paper ? undefined : scaleKey(q.scaleLabels, locale),
      );
    }
    case 'ranking': {
      const order = (value as string[] | undefined) ?? [];
      const places = rankingLength(q);
      return box(
        <div className="space-y-2">
          {Array.from({ length: places }, (_, place) => (
            <div key={place} className="grid items-center gap-1 sm:grid-cols-[10rem_1fr]">
              <label htmlFor={`${id}-${place}`} className="font-semibold">
                {t('rankPlace', { place: place + 1 })}
              </label>
              <select
                id={`${id}-${place}`}
                name={fieldName.place(q, place)}
                className={selectClass}
                value={order[place] ?? ''}
                onChange={(e) => {
                  // Gaps stay in the draft (place 2 chosen before place 1); the payload closes them.
                  const next = Array.from({ length: places }, (_, i) => (i === place ? e.target.value : (order[i] ?? '')));
                  onChange(next.some(Boolean) ? next : undefined);
                }}
              >
                <option value="">{t('choose')}</option>
                {q.items.map((item) => (
                  <option key={item.value} value={item.value} lang={lang} disabled={order.includes(item.value) && order[place] !== item.value}>
                    {localize(item.label, locale)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>,
        t('rankHint', { count: places }),
      );
    }
    case 'number':
      return box(
        <input
          type="number"
          name={fieldName.question(q)}
          inputMode="numeric"
          aria-label={legend}
          min={q.min}
          max={q.max}
          step={1}
          value={value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          className="block w-40 min-h-11 rounded-md border-2 border-gray-500 px-3 py-2 text-base"
        />,
        t('numberRange', { min: q.min, max: q.max }),
      );
    case 'short_text':
    case 'long_text': {
      const text = (value as string | undefined) ?? '';
      const common = {
        'aria-label': legend,
        name: fieldName.question(q),
        value: text,
        onChange: (e: { target: { value: string } }) => onChange(e.target.value || undefined),
        className: 'block w-full rounded-md border-2 border-gray-500 px-3 py-2 text-base',
      };
      return box(
        <>
          {q.type === 'short_text' ? <input type="text" {...common} className={`${common.className} min-h-11`} /> : <textarea rows={4} {...common} />}
          <p className="text-sm text-muted" aria-live="polite">
            {t('charsLeft', { count: Math.max(0, q.maxLength - text.length) })}
          </p>
        </>,
      );
    }
  }
}
