'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionForm, type FormAction } from '@/components/forms/use-action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormMessage, TextField } from '@/components/ui/field';
import { enrolSecondFactorSchema } from '@/lib/auth/schema';

/**
 * Enrolment: the QR code (an SVG drawn on the server from the otpauth:// address) and the same key
 * as text, then a first code to confirm; on success the ten recovery codes, shown this once.
 */
export function EnrolSecondFactorForm({
  action,
  enrolment,
  enabledNote,
}: {
  action: FormAction<{ codes: string[] }>;
  enrolment: { qrSvg: string; manualKey: string } | null;
  enabledNote: string | null;
}) {
  const t = useTranslations('account');
  const { form, register, state, pending, formProps } = useActionForm({ action, schema: enrolSecondFactorSchema });
  const errors = form.formState.errors;
  if (state.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t('twoFactorEnabled')}</Alert>
        <h2 id="recovery-codes">{t('recoveryCodesTitle')}</h2>
        <p>{t('recoveryCodesIntro')}</p>
        <ul aria-labelledby="recovery-codes" className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
          {state.data.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p>
          <Link href="/account">{t('twoFactorContinue')}</Link>
        </p>
      </div>
    );
  }
  if (!enrolment) return enabledNote ? <Alert tone="success">{enabledNote}</Alert> : null;
  const { qrSvg, manualKey } = enrolment;
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-2 pl-6">
        <li>{t('twoFactorStep1')}</li>
        <li>{t('twoFactorStep2')}</li>
        <li>{t('twoFactorStep3')}</li>
      </ol>
      <figure className="space-y-2">
        {/* Drawn by the qrcode package on the server from our own otpauth:// address: no user input. */}
        <div role="img" aria-label={t('qrLabel')} className="h-56 w-56 bg-white" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <figcaption>
          {t('manualKey')} <code data-testid="manual-key" className="font-mono text-lg">{manualKey}</code>
        </figcaption>
      </figure>
      <form {...formProps} className="max-w-md space-y-4">
        {!state.ok && state.message ? <FormMessage messageKey={state.message} /> : null}
        <TextField
          label={t('firstCode')}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          error={errors.code?.message}
          {...register('code')}
        />
        <Button type="submit" pending={pending}>
          {t('twoFactorConfirm')}
        </Button>
      </form>
    </div>
  );
}
