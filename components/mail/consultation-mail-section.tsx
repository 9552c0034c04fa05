import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/permissions';
import { countConsultationMail } from '@/lib/mail/queries';

/** For a consultation's coordinators: what was e-mailed about it, by kind and state. */
export async function ConsultationMailSection({ actor, consultationId }: { actor: CurrentUser; consultationId: number }) {
  const t = await getTranslations('mailPages');
  const { byKind, byStatus } = await countConsultationMail({ actor, consultationId });
  return (
    <section aria-labelledby="consultation-mail" className="space-y-2">
      <h2 id="consultation-mail">{t('consultationMailTitle')}</h2>
      <p>{t('consultationMailCounts', { ...byKind, sent: byStatus.sent, queued: byStatus.queued + byStatus.sending, failed: byStatus.failed })}</p>
    </section>
  );
}
