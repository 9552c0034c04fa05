import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { MarkdownBody } from '@/components/ui/markdown-body';
import { MeetingMailSection } from '@/components/mail/meeting-mail-section';
import { MinutesForm } from '@/components/meetings/minutes-form';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { getMeeting, listAttendees } from '@/lib/meetings/queries';
import { attachMinutesAction, attendMeetingAction, cancelMeetingAction, withdrawAttendanceAction } from '../actions';
import { load, routeId } from '@/app/_http/page-guard';
import { ClientMessages } from '@/components/layout/client-messages';
import { CancelMeetingForm } from '@/components/meetings/cancel-meeting-form';
import { Alert } from '@/components/ui/alert';
import { Attachments } from '@/components/documents/attachments';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = routeId((await params).id);
  const meeting = await load(getMeeting({ id, viewer: null }));
  return { title: meeting.title, alternates: { types: { 'text/calendar': `/calendar/${id}/ics` } } };
}

export default async function MeetingPage({ params }: Params) {
  const id = routeId((await params).id);
  const user = await getCurrentUser();
  const meeting = await load(getMeeting({ id, viewer: user }));
  const t = await getTranslations('meetings');
  const tc = await getTranslations('meetingCancel');
  const format = await getFormatter();
  const { hasEnded: ended, hasStarted: started, isFull: full } = meeting;
  const attendees = meeting.canManage ? await listAttendees({ actor: user!, meetingId: id }) : [];

  return (
    <article className="max-w-3xl space-y-8">
      <PageHeader title={meeting.title}>
        <p className="font-semibold text-brand-800">
          {t(`types.${meeting.type}`)} · {meeting.communeName ?? t('county')}
        </p>
      </PageHeader>

      {ended ? <p className="rounded-md border-l-4 border-gray-500 bg-gray-50 px-4 py-3">{t('detail.past')}</p> : null}
      {meeting.cancelledAt ? <Alert tone="error">{tc('cancelledNotice', { reason: meeting.cancelReason ?? '' })}</Alert> : null}

      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('detail.when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt.toISOString()}>{format.dateTimeRange(meeting.startsAt, meeting.endsAt, { dateStyle: 'full', timeStyle: 'short' })}</time>
        </dd>
        <dt className="font-semibold">{t('detail.where')}</dt>
        <dd>
          {meeting.address}
          {meeting.onlineUrl ? (
            <>
              <br />
              <a href={meeting.onlineUrl} rel="noopener noreferrer nofollow">
                {t('detail.online')}
              </a>
            </>
          ) : null}
        </dd>
        {meeting.linkUrl ? (
          <>
            <dt className="font-semibold">{t('detail.link')}</dt>
            <dd>
              <a href={meeting.linkUrl} rel={meeting.linkUrl.startsWith('/') ? undefined : 'noopener noreferrer nofollow'}>
                {meeting.linkUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t('detail.seats')}</dt>
        <dd>
          {meeting.capacity !== null
            ? t('detail.seatsCount', { count: meeting.attendeeCount, capacity: meeting.capacity })
            : t('detail.attendeeCount', { count: meeting.attendeeCount })}
        </dd>
      </dl>

      <p className="flex flex-wrap gap-4">
        <a href={`/calendar/${meeting.id}/ics`} download={`spotkanie-${meeting.id}.ics`} type="text/calendar">
          {t('detail.ics')}
        </a>
        {meeting.canManage ? <Link href={`/calendar/${meeting.id}/edit`}>{t('edit')}</Link> : null}
        <Link href="/calendar">{t('detail.back')}</Link>
      </p>

      {!ended && !meeting.cancelledAt ? (
        <section aria-labelledby="attendance" className="space-y-3 rounded-lg border-2 border-brand-100 p-4">
          <h2 id="attendance">{t('attendance.title')}</h2>
          {!user ? (
            <p>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/calendar/${meeting.id}`)}`}>{t('attendance.signIn')}</Link>
            </p>
          ) : meeting.attending ? (
            <>
              <p role="status">{t('attendance.attending')}</p>
              <ActionButton action={withdrawAttendanceAction} fields={{ meetingId: String(meeting.id) }} label={t('attendance.withdraw')} />
            </>
          ) : full ? (
            <p role="status">{t('attendance.full')}</p>
          ) : (
            <>
              <p>{t('attendance.notAttending')}</p>
              <ActionButton action={attendMeetingAction} fields={{ meetingId: String(meeting.id) }} label={t('attendance.attend')} variant="primary" />
            </>
          )}
        </section>
      ) : null}

      {meeting.description ? (
        <section aria-labelledby="description" className="space-y-2">
          <h2 id="description">{t('detail.description')}</h2>
          <MarkdownBody html={meeting.descriptionHtml} />
        </section>
      ) : null}

      {meeting.agenda ? (
        <section aria-labelledby="agenda" className="space-y-2">
          <h2 id="agenda">{t('detail.agenda')}</h2>
          <p className="whitespace-pre-line">{meeting.agenda}</p>
        </section>
      ) : null}

      {meeting.minutesHtml ? (
        <section aria-labelledby="minutes" className="space-y-2">
          <h2 id="minutes">{t('minutes.title')}</h2>
          {meeting.minutesAt ? <p className="text-sm text-muted">{t('minutes.added', { date: format.dateTime(meeting.minutesAt, { dateStyle: 'long' }) })}</p> : null}
          <MarkdownBody html={meeting.minutesHtml} />
        </section>
      ) : null}

      <Attachments viewer={user} parent={{ type: 'meeting', id: meeting.id }} communeId={meeting.communeId} />

      {meeting.canManage ? (
        <section aria-labelledby="attendees" className="space-y-3">
          <h2 id="attendees">{t('attendees.title')}</h2>
          <p>
            {meeting.capacity !== null
              ? t('attendees.againstCapacity', { count: attendees.length, capacity: meeting.capacity })
              : t('attendees.count', { count: attendees.length })}
          </p>
          {attendees.length === 0 ? (
            <p>{t('attendees.empty')}</p>
          ) : (
            <DataTable caption={t('attendees.caption')} columns={[t('attendees.name'), t('attendees.email'), t('attendees.since')]}>
              {attendees.map((a) => (
                <tr key={a.userId} className={rowClass}>
                  <th scope="row" className="px-2 py-2 font-normal">{a.name}</th>
                  <td className="px-2 py-2">{a.status === 'deleted' ? '—' : a.email}</td>
                  <td className="px-2 py-2">{format.dateTime(a.since, { dateStyle: 'short', timeStyle: 'short' })}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}

      {meeting.canManage ? <MeetingMailSection actor={user!} meetingId={meeting.id} ended={started || Boolean(meeting.cancelledAt)} /> : null}

      {meeting.canManage && !started && !meeting.cancelledAt ? (
        <section aria-labelledby="cancel-meeting" className="space-y-3">
          <h2 id="cancel-meeting">{tc('title')}</h2>
          <p>{tc('intro')}</p>
          <ClientMessages namespaces={['meetingCancel']}>
            <CancelMeetingForm action={cancelMeetingAction} meetingId={meeting.id} />
          </ClientMessages>
        </section>
      ) : null}

      {meeting.canManage && started ? (
        <section aria-labelledby="minutes-form" className="space-y-3">
          <h2 id="minutes-form">{t('minutes.label')}</h2>
          <MinutesForm action={attachMinutesAction} meetingId={meeting.id} minutes={meeting.minutes ?? ''} />
        </section>
      ) : null}
    </article>
  );
}
