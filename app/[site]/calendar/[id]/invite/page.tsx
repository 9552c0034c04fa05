import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { InviteForm } from '@/components/mail/invite-form';
import { PageHeader } from '@/components/ui/page-header';
import { allow, load, routeId, signedIn } from '@/app/_http/page-guard';
import { canManageMeeting } from '@/lib/meetings/permissions';
import { getMeeting } from '@/lib/meetings/queries';
import { listActiveCommunes } from '@/lib/places/queries';
import { inviteAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mailPages'))('inviteTitle') };
}

export default async function InvitePage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const user = await signedIn(`/calendar/${id}/invite`);
  const meeting = await load(getMeeting({ id, viewer: user }));
  allow(meeting.canManage);
  const t = await getTranslations('mailPages');
  const communes = (await listActiveCommunes()).filter((c) => canManageMeeting(user, c.id));
  return (
    <div className="space-y-6">
      <PageHeader title={t('inviteTitle')} lead={meeting.title} />
      <p className="max-w-3xl">{t('inviteIntro')}</p>
      <ClientMessages namespaces={['mailPages']} audience="signed-in">
        <InviteForm action={inviteAction} meetingId={meeting.id} communes={communes.map((c) => ({ id: c.id, name: c.name }))} />
      </ClientMessages>
      <p>
        <Link href={`/calendar/${meeting.id}`}>{meeting.title}</Link>
      </p>
    </div>
  );
}
