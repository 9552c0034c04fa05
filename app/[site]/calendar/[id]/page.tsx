import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { MarkdownBody } from '@/components/ui/markdown-body';
import { MeetingMailSection } from '@/components/mail/meeting-mail-section';
import { MinutesForm } from '@/components/meetings/minutes-form';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { getMeeting, listAttendees } from '@/lib/meetings/queries';
import { addWalkInsAction, attachMinutesAction, attendMeetingAction, cancelMeetingAction, recordSignUpAttendanceAction, removeWalkInAction, withdrawAttendanceAction } from '../actions';
import { AttendanceSummary } from '@/components/meetings/attendance-summary';
import { SignUpAttendanceForm } from '@/components/meetings/sign-up-attendance-form';
import { WalkInForm } from '@/components/meetings/walk-in-form';
import { now } from '@/lib/clock';
import { getAttendanceCounts, listAttendance, type AttendanceList } from '@/lib/meetings/attendance-queries';
import type { AttendanceRepresentationName } from '@/lib/meetings/schema';
import { load, routeId } from '@/app/_http/page-guard';
import { ClientMessages } from '@/components/layout/client-messages';
import { CancelMeetingForm } from '@/components/meetings/cancel-meeting-form';
import { Alert } from '@/components/ui/alert';
import { polishContent } from '@/lib/i18n/content-lang';
import { Polish } from '@/components/ui/polish';
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
  // The app's clock (lib/clock.ts): whether the meeting has begun decides what may be recorded.
  const meeting = await load(getMeeting({ id, viewer: user, now: await now() }));
  const t = await getTranslations('meetings');
  const tc = await getTranslations('meetingCancel');
  const format = await getFormatter();
  const { hasEnded: ended, hasStarted: started, isFull: full } = meeting;
  const attendees = meeting.canManage ? await listAttendees({ actor: user!, meetingId: id }) : [];
  const held = started && !meeting.cancelledAt;
  const [presence, presenceList] = held
    ? await Promise.all([getAttendanceCounts({ meetingId: id }), meeting.canManage ? listAttendance({ actor: user!, meetingId: id }) : null])
    : [null, null];
  const tp = await getTranslations('meetings.presence');

  return (
    <article className="max-w-3xl space-y-8">
      <PageHeader title={meeting.title} lang={polishContent(await getLocale())}>
        <p className="font-semibold text-brand-800">
          {t(`types.${meeting.type}`)} · {meeting.communeName ?? t('county')}
        </p>
      </PageHeader>

      {ended ? <p className="rounded-md border-l-4 border-gray-500 bg-gray-50 px-4 py-3">{t('detail.past')}</p> : null}
      {meeting.cancelledAt ? <Alert tone="error">{tc('cancelledNotice', { reason: meeting.cancelReason ?? '' })}</Alert> : null}

      {/* On a phone each term sits over its value, pairs apart; side by side from sm up. */}
      <dl className="grid gap-x-6 sm:grid-cols-[auto_1fr] sm:gap-y-3">
        <dt className="mt-3 font-semibold first:mt-0 sm:mt-0">{t('detail.when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt.toISOString()}>{format.dateTimeRange(meeting.startsAt, meeting.endsAt, 'fullDateTime')}</time>
        </dd>
        <dt className="mt-3 font-semibold first:mt-0 sm:mt-0">{t('detail.where')}</dt>
        <dd>
          <Polish>{meeting.address}</Polish>
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
            <dt className="mt-3 font-semibold first:mt-0 sm:mt-0">{t('detail.link')}</dt>
            <dd>
              <a href={meeting.linkUrl} rel={meeting.linkUrl.startsWith('/') ? undefined : 'noopener noreferrer nofollow'}>
                {meeting.linkUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt className="mt-3 font-semibold first:mt-0 sm:mt-0">{t('detail.seats')}</dt>
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

      {presence && (presence.total > 0 || presenceList) ? (
        <section aria-labelledby="presence" className="space-y-4">
          <h2 id="presence">{tp('title')}</h2>
          {presence.total > 0 ? (
            <AttendanceSummary counts={presence} total={tp('total', { count: presence.total })} label={(r) => tp(`many.${r}`)} />
          ) : (
            <p>{tp('none')}</p>
          )}
          {presenceList ? (
            <>
              <h3>{tp('signUps.title')}</h3>
              {presenceList.people.length === 0 ? (
                <p>{tp('signUps.empty')}</p>
              ) : (
                <>
                  <p className="max-w-2xl text-muted">{tp('signUps.lead')}</p>
                  <SignUpAttendanceForm action={recordSignUpAttendanceAction} meetingId={meeting.id} people={presenceList.people} />
                </>
              )}
              <h3>{tp('walkIns.title')}</h3>
              <p className="max-w-2xl text-muted">{tp('walkIns.lead')}</p>
              <WalkInTable meetingId={meeting.id} walkIns={presenceList.walkIns} t={tp} />
              <WalkInForm action={addWalkInsAction} meetingId={meeting.id} />
            </>
          ) : null}
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
                  <td className="px-2 py-2">{format.dateTime(a.since, 'shortDateTime')}</td>
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
          <ClientMessages namespaces={['meetingCancel']} audience="signed-in">
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

type PresenceT = Awaited<ReturnType<typeof getTranslations<'meetings.presence'>>>;

/** Walk-ins: each named one on a row, the unnamed ones counted together by representation. */
function WalkInTable({ meetingId, walkIns, t }: { meetingId: number; walkIns: AttendanceList['walkIns']; t: PresenceT }) {
  if (walkIns.length === 0) return <p>{t('walkIns.empty')}</p>;
  const rows: { key: string; name: string | null; representation: AttendanceRepresentationName; count: number; lastId: number }[] = [];
  for (const w of walkIns) {
    const group = w.name === null ? rows.find((r) => r.name === null && r.representation === w.representation) : undefined;
    if (group) {
      group.count++;
      group.lastId = w.id;
    } else rows.push({ key: String(w.id), name: w.name, representation: w.representation, count: 1, lastId: w.id });
  }
  return (
    <DataTable caption={t('walkIns.caption')} columns={[t('walkIns.who'), t('walkIns.representation'), t('walkIns.people'), t('walkIns.actions')]}>
      {rows.map((r) => {
        const who = r.name ?? t('walkIns.unnamed');
        return (
          <tr key={r.key} className={rowClass}>
            <th scope="row" className="px-2 py-2 font-normal">{who}</th>
            <td className="px-2 py-2">{t(`one.${r.representation}`)}</td>
            <td className="px-2 py-2 tabular-nums">{r.count}</td>
            <td className="px-2 py-2">
              <ActionButton action={removeWalkInAction} fields={{ meetingId: String(meetingId), attendanceId: String(r.lastId) }} label={t('walkIns.remove')} context={`${who}, ${t(`one.${r.representation}`)}`} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
