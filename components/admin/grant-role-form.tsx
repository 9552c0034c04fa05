'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { grantRoleSchema, isScopable } from '@/lib/admin/schema';
import { ROLES } from '@/lib/auth/permissions';
import { FormStatus } from './form-status';
import { SelectField } from '@/components/ui/field';

export function GrantRoleForm({
  action,
  userId,
  communes,
}: {
  action: FormAction<void>;
  userId: string;
  /** Active communes only: a grant may not point at a deactivated one. */
  communes: { id: number; name: string }[];
}) {
  const t = useTranslations();
  const { form, register, state, pending, formProps } = useActionForm({
    action,
    schema: grantRoleSchema,
    defaultValues: { userId, role: 'coordinator', communeId: '' },
  });
  const role = useWatch({ control: form.control, name: 'role' });
  const scopable = isScopable(String(role));
  const errors = form.formState.errors;

  // A new grant starts from a clean commune choice; the role stays for granting it elsewhere.
  useEffect(() => {
    if (state.ok) form.setValue('communeId', '');
  }, [state, form]);

  return (
    <form {...formProps} className="max-w-md space-y-4">
      <FormStatus state={state} success={t('admin.user.granted')} />
      <input type="hidden" {...register('userId')} />
      <SelectField
        label={t('admin.user.role')}
        required
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={errors.role?.message}
        {...register('role')}
      />
      <SelectField
        label={t('admin.user.scope')}
        hint={t('admin.user.scopeHint')}
        options={[{ value: '', label: t('roles.scopeCounty') }, ...communes.map((c) => ({ value: String(c.id), label: c.name }))]}
        error={errors.communeId?.message}
        {...register('communeId', { disabled: !scopable })}
      />
      <Button type="submit" pending={pending}>
        {t('admin.user.grant')}
      </Button>
    </form>
  );
}
