import { markdownToText } from '@/lib/markdown';
import { buildCalendar, type IcsEvent } from './ics';

interface FeedSource {
  id: number;
  type: string;
  title: string;
  description: string;
  agenda: string;
  startsAt: Date;
  endsAt: Date;
  address: string;
  onlineUrl: string | null;
  communeName: string | null;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt?: Date | null;
}

/** Words the calendar file needs, already translated (the file has no locale of its own). */
export interface FeedLabels {
  calendarName: string;
  agenda: string;
  online: string;
  county: string;
  typeName: (type: string) => string;
}

/** A meeting as an iCalendar event; its UID stays the same for the meeting's whole life. */
export function meetingEvent(meeting: FeedSource, origin: string, labels: FeedLabels): IcsEvent {
  const host = new URL(origin).hostname;
  const parts = [markdownToText(meeting.description).replace(/\s+([.,;:!?])/g, '$1')];
  if (meeting.agenda.trim()) parts.push(`${labels.agenda}:\n${meeting.agenda.trim()}`);
  if (meeting.onlineUrl) parts.push(`${labels.online}: ${meeting.onlineUrl}`);
  const url = `${origin}/calendar/${meeting.id}`;
  parts.push(url);
  return {
    uid: `meeting-${meeting.id}@${host}`,
    title: meeting.title,
    description: parts.filter(Boolean).join('\n\n'),
    location: `${meeting.address} (${meeting.communeName ?? labels.county})`,
    url,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    createdAt: meeting.createdAt,
    updatedAt: meeting.updatedAt,
    categories: labels.typeName(meeting.type),
    ...(meeting.cancelledAt ? { status: 'CANCELLED' as const } : {}),
  };
}

export function meetingsCalendar(list: FeedSource[], origin: string, labels: FeedLabels): string {
  return buildCalendar({ name: labels.calendarName, events: list.map((m) => meetingEvent(m, origin, labels)) });
}
