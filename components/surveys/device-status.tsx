'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/components/ui/field';
import type { DeviceOutcome } from './use-device-survey';
import { useHydrated } from '@/components/forms/use-hydrated';

// What the respondent is told about the copy of their questionnaire on this device: the offer to
// resume, "saved on this phone" while filling, and after completing it "saved on this phone,
// waiting for a connection" or "sent". A state reached by sending takes the focus to its heading,
// so a screen reader hears it; one found on opening the page leaves the focus where it starts.

function useFocusOnShow<T extends HTMLElement>(key: unknown, enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [key, enabled]);
  return ref;
}

/** A questionnaire kept from an earlier visit: continue it, or start again (it is deleted). */
export function DeviceResumeOffer({ savedAt, onResume, onStartOver }: { savedAt: number; onResume: () => void; onStartOver: () => void }) {
  const t = useTranslations('surveys.device');
  const format = useFormatter();
  return (
    <section aria-labelledby="device-resume" className="space-y-4 rounded-md border-2 border-brand-700 bg-brand-50 p-4">
      <h2 id="device-resume">
        {t('resumeTitle')}
      </h2>
      <p>{t('resumeBody', { savedAt: format.dateTime(new Date(savedAt), 'shortDateTime') })}</p>
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={onResume}>
          {t('resume')}
        </Button>
        <Button type="button" variant="secondary" onClick={onStartOver}>
          {t('startOver')}
        </Button>
      </div>
    </section>
  );
}

/** The line under the form: where the answers are, or why they are not kept. */
export function DeviceSaveNote({ savedAt, storageOff, online, consent }: { savedAt: number | null; storageOff: boolean; online: boolean; consent: boolean }) {
  const t = useTranslations('surveys.device');
  const format = useFormatter();
  return (
    <div className="space-y-2 text-sm">
      {!online ? <Alert tone="info">{t('offline')}</Alert> : null}
      <p className="text-muted" data-testid="device-save-note">
        {storageOff ? t('storageOff') : savedAt !== null ? t('savedHereAt', { savedAt: format.dateTime(new Date(savedAt), 'time') }) : consent ? null : t('notSavedBeforeConsent')}
      </p>
    </div>
  );
}

/** After completing (or on returning): waiting on the phone, sent, or refused on arrival. */
export function DeviceOutcomePanel({
  outcome,
  canFillAnother,
  onSendNow,
  onBackToForm,
}: {
  outcome: Exclude<DeviceOutcome, { kind: 'filling' }>;
  /** Invitation surveys: another person may answer on this phone with their own code. */
  canFillAnother: boolean;
  onSendNow: () => void;
  onBackToForm: () => void;
}) {
  const t = useTranslations('surveys.device');
  const errorText = useErrorText();
  const format = useFormatter();
  const heading = useFocusOnShow<HTMLHeadingElement>(outcome.kind, !outcome.restored);
  const title =
    outcome.kind === 'queued' ? t('queuedTitle') : outcome.kind === 'sent' ? (outcome.justNow ? t('sentTitle') : t('alreadySentTitle')) : t('refusedTitle');
  return (
    <section aria-labelledby="device-outcome" className="space-y-4" data-outcome={outcome.kind}>
      <h2 id="device-outcome" ref={heading} tabIndex={-1} className="focus:outline-none">
        {title}
      </h2>
      {outcome.kind === 'queued' ? (
        <>
          <p role="status">{outcome.sending ? t('sending') : outcome.reason === 'server' ? t('queuedServer') : t('queuedBody')}</p>
          <Button type="button" variant="secondary" pending={outcome.sending} onClick={onSendNow}>
            {t('sendNow')}
          </Button>
        </>
      ) : null}
      {outcome.kind === 'sent' ? (
        <>
          <p role="status">{t(outcome.justNow ? 'sentBody' : 'alreadySentBody', { sentAt: format.dateTime(new Date(outcome.receipt.sentAt), 'longDateTime') })}</p>
          {canFillAnother ? (
            <Button type="button" variant="secondary" onClick={onBackToForm}>
              {t('fillAnother')}
            </Button>
          ) : null}
        </>
      ) : null}
      {outcome.kind === 'refused' ? (
        <>
          <Alert tone="error">{errorText(outcome.body.message && outcome.body.message !== 'unexpected' ? outcome.body.message : 'survey_server_error')}</Alert>
          <Button type="button" onClick={onBackToForm}>
            {t('resume')}
          </Button>
        </>
      ) : null}
    </section>
  );
}

/**
 * The information clause's paragraph on what stays on the device, and for how long. Only where
 * the page's scripts run: without them nothing is kept on the device, and nothing is claimed.
 */
export function DevicePrivacyNote() {
  const t = useTranslations('surveys.device');
  const live = useHydrated();
  return live ? <p>{t('privacy')}</p> : null;
}
