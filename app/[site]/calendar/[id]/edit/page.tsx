import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { PageHeader } from '@/components/ui/page-header';
import { publishableCommuneOptions } from '@/lib/meetings/permissions';
import { getMeeting } from '@/lib/meetings/queries';
import { toLocal } from '@/lib/local-time';
import { listActiveCommunes } from '@/lib/places/queries';
import { updateMeetingAction } from '../../actions';
import { allow, load, routeId, signedIn } from '@/app/_http/page-guard';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('editTitle') };
}

export default async function EditMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const user = await signedIn(`/calendar/${id}/edit`);
  const meeting = await load(getMeeting({ id, viewer: user }));
  allow(meeting.canManage);
  const t = await getTranslations('meetings');
  const options = publishableCommuneOptions(user, await listActiveCommunes(), t('county'));
  return (
    <div className="space-y-6">
      <PageHeader title={t('editTitle')} lead={meeting.title} />
      <MeetingForm
        action={updateMeetingAction}
        communes={options}
        defaultValues={{
          id: String(meeting.id),
          type: meeting.type,
          title: meeting.title,
          description: meeting.description,
          agenda: meeting.agenda,
          startsAt: toLocal(meeting.startsAt),
          endsAt: toLocal(meeting.endsAt),
          address: meeting.address,
          onlineUrl: meeting.onlineUrl ?? '',
          communeId: meeting.communeId === null ? '' : String(meeting.communeId),
          linkUrl: meeting.linkUrl ?? '',
          capacity: meeting.capacity === null ? '' : String(meeting.capacity),
        }}
      />
    </div>
  );
}
