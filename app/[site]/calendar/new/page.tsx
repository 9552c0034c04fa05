import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { PageHeader } from '@/components/ui/page-header';
import { canPublishMeetings, publishableCommuneOptions } from '@/lib/meetings/permissions';
import { listActiveCommunes } from '@/lib/places/queries';
import { createMeetingAction } from '../actions';
import { allow, signedIn } from '@/app/_http/page-guard';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('newTitle') };
}

export default async function NewMeetingPage() {
  const user = await signedIn('/calendar/new');
  allow(canPublishMeetings(user));
  const t = await getTranslations('meetings');
  const options = publishableCommuneOptions(user, await listActiveCommunes(), t('county'));
  return (
    <div className="space-y-6">
      <PageHeader title={t('newTitle')} />
      <MeetingForm
        action={createMeetingAction}
        communes={options}
        defaultValues={{
          type: 'forum_session',
          title: '',
          description: '',
          agenda: '',
          startsAt: '',
          endsAt: '',
          address: '',
          onlineUrl: '',
          communeId: options[0]?.value ?? '',
          linkUrl: '',
          capacity: '',
        }}
      />
    </div>
  );
}
