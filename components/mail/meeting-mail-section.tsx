import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/lib/auth/permissions';
import { countMeetingMail } from '@/lib/mail/queries';

/** For a meeting's coordinators: the invitation link and what was e-mailed about the meeting. */
export async function MeetingMailSection({ actor, meetingId, ended }: { actor: CurrentUser; meetingId: number; ended: boolean }) {
  const t = await getTranslations('mailPages');
  const { byKind, byStatus } = await countMeetingMail({ actor, meetingId });
  return (
    <section aria-labelledby="meeting-mail" className="space-y-3">
      <h2 id="meeting-mail">{t('meetingMailTitle')}</h2>
      <p>
        {t('meetingMailCounts', {
          ...byKind,
          sent: byStatus.sent,
          queued: byStatus.queued + byStatus.sending,
          failed: byStatus.failed,
        })}
      </p>
      {ended ? null : (
        <p>
          <Link href={`/calendar/${meetingId}/invite`}>{t('inviteLink')}</Link>
        </p>
      )}
    </section>
  );
}
