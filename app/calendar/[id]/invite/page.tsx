import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Forbidden } from '@/components/layout/forbidden';
import { ClientMessages } from '@/components/layout/client-messages';
import { InviteForm } from '@/components/mail/invite-form';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { orNotFound, routeId } from '@/lib/meetings/guard';
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
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/calendar/${id}/invite`)}`);
  const meeting = await orNotFound(getMeeting({ id, viewer: user }));
  if (!meeting.canManage) return <Forbidden />;
  const t = await getTranslations('mailPages');
  const communes = (await listActiveCommunes()).filter((c) => canManageMeeting(user, c.id));
  return (
    <div className="space-y-6">
      <PageHeader title={t('inviteTitle')} lead={meeting.title} />
      <p className="max-w-3xl">{t('inviteIntro')}</p>
      <ClientMessages namespaces={['mailPages']}>
        <InviteForm action={inviteAction} meetingId={meeting.id} communes={communes.map((c) => ({ id: c.id, name: c.name }))} />
      </ClientMessages>
      <p>
        <Link href={`/calendar/${meeting.id}`}>{meeting.title}</Link>
      </p>
    </div>
  );
}
