'use client';

import { useTranslations } from 'next-intl';
import { useErrorText } from '@/components/ui/field';
import type { SurveyDefinition } from '@/lib/surveys/definition';
import { selectClass } from './question-field';
import { fieldId, type Errors, type Profile } from '@/lib/surveys/steps';

export function ProfileFields({ definition, profile, errors, communes, localities, onChange }: {
  definition: SurveyDefinition;
  profile: Profile;
  errors: Errors;
  communes: { id: number; name: string }[];
  localities: { id: number; name: string; communeId: number }[];
  onChange: (p: Profile) => void;
}) {
  const t = useTranslations('surveys');
  const errorText = useErrorText();
  const ofCommune = localities.filter((l) => String(l.communeId) === profile.communeId);
  const select = (key: keyof Profile, label: string, options: { value: string; label: string }[], required = false, hint?: string) => {
    const id = fieldId(`profile.${key}`);
    const error = errorText(errors[`profile.${key}`]);
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block font-semibold">
          {label}
          {required ? <span className="text-danger"> *<span className="sr-only"> {t('fill.required')}</span></span> : null}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-muted">
            {hint}
          </p>
        ) : null}
        <select
          id={id}
          name={`profile-${key}`}
          value={profile[key]}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onChange({ ...profile, [key]: e.target.value, ...(key === 'communeId' ? { localityId: '' } : {}) })}
          className={`${selectClass} ${error ? 'border-danger' : ''}`}
        >
          <option value="">{required ? t('fill.choose') : t('fill.preferNotToSay')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {error ? (
          <p id={`${id}-error`} className="text-sm font-semibold text-danger">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <fieldset className="space-y-4 rounded-md border-2 border-gray-300 p-4">
      <legend className="px-1 text-lg font-semibold">{t('fill.profileLegend')}</legend>
      {select('communeId', t('fill.profile.communeId'), communes.map((c) => ({ value: String(c.id), label: c.name })), true)}
      {definition.profile.askLocality && ofCommune.length > 0
        ? select('localityId', t('fill.profile.localityId'), ofCommune.map((l) => ({ value: String(l.id), label: l.name })))
        : null}
      {definition.profile.ageGroups.length > 0
        ? select('ageGroup', t('fill.profile.ageGroup'), definition.profile.ageGroups.map((a) => ({ value: a, label: t(`ageGroups.${a}`) })))
        : null}
      {definition.profile.respondentTypes.length > 0
        ? select('respondentType', t('fill.profile.respondentType'), definition.profile.respondentTypes.map((r) => ({ value: r, label: t(`respondentTypes.${r}`) })))
        : null}
    </fieldset>
  );
}
