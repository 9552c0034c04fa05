import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import { formats } from '@/lib/i18n/formats';
import { messages } from '@/lib/i18n/messages';
import { countyValues, type County, type CountyValues } from '@/lib/county';
import { escapeHtml } from '@/lib/html';

// Turns one kind of message and its data into a subject, a plain-text body and an HTML body, in
// the recipient's language, with words from the catalogue (namespace "mail"). Pure: the outbox
// stores what this returns, so the worker only delivers.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface MeetingFacts {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  url: string;
}

/** The data each kind needs; every URL is absolute. */
export type MailData =
  | { kind: 'verify_email'; name: string; url: string }
  | { kind: 'signup_existing'; name: string; signInUrl: string; resetUrl: string; verifyUrl: string | null }
  | { kind: 'reset_password'; name: string; url: string }
  | { kind: 'password_changed'; name: string; at: Date; resetUrl: string }
  | { kind: 'two_factor_reset'; name: string; at: Date; signInUrl: string }
  | { kind: 'confirm_email_change'; name: string; url: string }
  | { kind: 'email_changed'; name: string; newEmail: string; resetUrl: string }
  | ({ kind: 'meeting_invitation'; name: string; note: string } & MeetingFacts)
  | ({ kind: 'meeting_reminder'; name: string } & MeetingFacts)
  | ({ kind: 'meeting_change'; name: string } & MeetingFacts)
  | ({ kind: 'meeting_cancelled'; name: string; reason: string } & MeetingFacts)
  | { kind: 'news_digest'; name: string; items: { title: string; url: string }[]; url: string }
  | { kind: 'thread_reply' | 'thread_quote'; name: string; thread: string; by: string; url: string }
  | { kind: 'thread_digest'; name: string; threads: { title: string; count: number; url: string }[]; url: string }
  | { kind: 'membership_received'; name: string; commune: string; url: string }
  | { kind: 'membership_decided'; name: string; approved: boolean; reason: string; url: string }
  | { kind: 'post_hidden'; name: string; thread: string; auto: boolean; reason: string; url: string }
  | { kind: 'consultation_opened' | 'consultation_closing'; name: string; title: string; deadline: Date; url: string }
  | { kind: 'consultation_opinion'; name: string; title: string; url: string };

interface Content {
  subject: string;
  paragraphs: string[];
  list?: { title: string; url: string }[];
  action: { label: string; url: string };
  outro: string;
}

/** "wtorek, 15 grudnia 2026 17:00–19:00" in Warsaw time. */
export function formatMeetingTime(locale: Locale, startsAt: Date, endsAt: Date): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...formats.dateTime.time });
  return `${day.format(startsAt)} ${time.format(startsAt)}–${time.format(endsAt)}`;
}

function content(data: MailData, locale: Locale, { county, forum }: CountyValues): Content {
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'mail', timeZone: TIME_ZONE });
  switch (data.kind) {
    case 'verify_email':
    case 'reset_password':
      return {
        subject: t(`${data.kind}.subject`),
        paragraphs: [t(`${data.kind}.intro`, { county })],
        action: { label: t(`${data.kind}.action`), url: data.url },
        outro: t(`${data.kind}.outro`),
      };
    case 'confirm_email_change':
      return {
        subject: t('confirm_email_change.subject'),
        paragraphs: [t('confirm_email_change.intro')],
        action: { label: t('confirm_email_change.action'), url: data.url },
        outro: t('confirm_email_change.outro'),
      };
    case 'email_changed':
      return {
        subject: t('email_changed.subject'),
        paragraphs: [t('email_changed.intro', { newEmail: data.newEmail })],
        action: { label: t('email_changed.action'), url: data.resetUrl },
        outro: t('email_changed.outro'),
      };
    case 'signup_existing':
      return {
        subject: t('signup_existing.subject'),
        paragraphs: [t('signup_existing.intro'), ...(data.verifyUrl ? [t('signup_existing.unverified', { verifyUrl: data.verifyUrl })] : [])],
        action: { label: t('signup_existing.action'), url: data.signInUrl },
        outro: t('signup_existing.outro', { resetUrl: data.resetUrl }),
      };
    case 'password_changed': {
      const at = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...formats.dateTime.longDateTime }).format(data.at);
      return {
        subject: t('password_changed.subject'),
        paragraphs: [t('password_changed.intro', { at })],
        action: { label: t('password_changed.action'), url: data.resetUrl },
        outro: t('password_changed.outro'),
      };
    }
    case 'two_factor_reset': {
      const at = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...formats.dateTime.longDateTime }).format(data.at);
      return {
        subject: t('two_factor_reset.subject'),
        paragraphs: [t('two_factor_reset.intro', { at })],
        action: { label: t('two_factor_reset.action'), url: data.signInUrl },
        outro: t('two_factor_reset.outro'),
      };
    }
    case 'meeting_cancelled': {
      const when = formatMeetingTime(locale, data.startsAt, data.endsAt);
      return {
        subject: t('meeting_cancelled.subject', { title: data.title }),
        paragraphs: [t('meeting_cancelled.intro', { title: data.title, when }), t('meeting_cancelled.reason', { reason: data.reason })],
        action: { label: t('meeting_cancelled.action'), url: data.url },
        outro: t('meeting_cancelled.outro'),
      };
    }
    case 'meeting_invitation':
    case 'meeting_reminder':
    case 'meeting_change': {
      const when = formatMeetingTime(locale, data.startsAt, data.endsAt);
      const facts = [t('meeting_invitation.when', { when }), t('meeting_invitation.where', { place: data.place })];
      const note = data.kind === 'meeting_invitation' && data.note.trim() ? [t('meeting_invitation.note', { note: data.note.trim() })] : [];
      return {
        subject: t(`${data.kind}.subject`, { title: data.title }),
        paragraphs: [t(`${data.kind}.intro`, { title: data.title }), ...facts, ...note],
        action: { label: t(`${data.kind}.action`), url: data.url },
        outro: t(`${data.kind}.outro`),
      };
    }
    case 'thread_reply':
    case 'thread_quote':
      return {
        subject: t(`${data.kind}.subject`, { thread: data.thread }),
        paragraphs: [t(`${data.kind}.intro`, { thread: data.thread, by: data.by })],
        action: { label: t(`${data.kind}.action`), url: data.url },
        outro: t(`${data.kind}.outro`),
      };
    case 'thread_digest':
      return {
        subject: t('thread_digest.subject'),
        paragraphs: [t('thread_digest.intro')],
        list: data.threads.map((th) => ({ title: t('thread_digest.item', { thread: th.title, count: th.count }), url: th.url })),
        action: { label: t('thread_digest.action'), url: data.url },
        outro: t('thread_digest.outro'),
      };
    case 'membership_received':
      return {
        subject: t('membership_received.subject'),
        paragraphs: [t('membership_received.intro', { commune: data.commune })],
        action: { label: t('membership_received.action'), url: data.url },
        outro: t('membership_received.outro'),
      };
    case 'membership_decided':
      return {
        subject: t('membership_decided.subject'),
        paragraphs: [
          data.approved ? t('membership_decided.approved', { forum }) : t('membership_decided.rejected'),
          ...(data.reason.trim() ? [t('membership_decided.reason', { reason: data.reason.trim() })] : []),
        ],
        action: { label: t('membership_decided.action'), url: data.url },
        outro: t('membership_decided.outro'),
      };
    case 'post_hidden':
      return {
        subject: t('post_hidden.subject'),
        paragraphs: [
          data.auto ? t('post_hidden.auto', { thread: data.thread }) : t('post_hidden.intro', { thread: data.thread }),
          ...(data.reason.trim() ? [t('post_hidden.reason', { reason: data.reason.trim() })] : []),
        ],
        action: { label: t('post_hidden.action'), url: data.url },
        outro: t('post_hidden.outro'),
      };
    case 'consultation_opened':
    case 'consultation_closing': {
      const deadline = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...formats.dateTime.longDateTime }).format(data.deadline);
      return {
        subject: t(`${data.kind}.subject`, { title: data.title }),
        paragraphs: [t(`${data.kind}.intro`, { title: data.title, deadline })],
        action: { label: t(`${data.kind}.action`), url: data.url },
        outro: t(`${data.kind}.outro`),
      };
    }
    case 'consultation_opinion':
      return {
        subject: t('consultation_opinion.subject', { title: data.title }),
        paragraphs: [t('consultation_opinion.intro', { title: data.title })],
        action: { label: t('consultation_opinion.action'), url: data.url },
        outro: t('consultation_opinion.outro'),
      };
    case 'news_digest':
      return {
        subject: t('news_digest.subject'),
        paragraphs: [t('news_digest.intro')],
        list: data.items,
        action: { label: t('news_digest.action'), url: data.url },
        outro: t('news_digest.outro'),
      };
  }
}

/**
 * Renders a message. `unsubscribeUrl` is given for optional kinds: the footer then offers it;
 * essential kinds say why they cannot be switched off.
 */
export function renderMail({
  data,
  locale: wanted,
  county,
  unsubscribeUrl,
}: {
  data: MailData;
  locale: string;
  /** The deployment's county: named in the recipient's language. */
  county: County;
  unsubscribeUrl: string | null;
}): RenderedMail {
  const locale: Locale = isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'mail', timeZone: TIME_ZONE });
  const values = countyValues(county, locale);
  const c = content(data, locale, values);
  const greeting = data.name.trim() ? t('greeting', { name: data.name.trim() }) : t('greetingAnonymous');
  const signature = t('signature', { county: values.county });
  const footer = unsubscribeUrl ? t('optionalFooter', { county: values.county }) : t('essentialFooter', { county: values.county });

  const text = [
    greeting,
    '',
    ...c.paragraphs.flatMap((p) => [p, '']),
    ...(c.list ? [...c.list.map((item) => `- ${item.title}\n  ${item.url}`), ''] : []),
    `${c.action.label}:`,
    c.action.url,
    '',
    c.outro,
    '',
    signature,
    '',
    '-- ',
    footer,
    ...(unsubscribeUrl ? [unsubscribeUrl] : []),
    '',
  ].join('\n');

  const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;
  const link = (label: string, url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">',
    p(greeting),
    ...c.paragraphs.map(p),
    ...(c.list ? [`<ul>${c.list.map((item) => `<li>${link(item.title, item.url)}</li>`).join('')}</ul>`] : []),
    `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;display:inline-block">${escapeHtml(c.action.label)}</a></p>`,
    `<p style="margin:0 0 16px;font-size:14px;color:#444">${escapeHtml(t('linkHint'))}<br>${link(c.action.url, c.action.url)}</p>`,
    p(c.outro),
    p(signature),
    `<hr><p style="font-size:13px;color:#444">${escapeHtml(footer)}${unsubscribeUrl ? ` ${link(t('unsubscribe'), unsubscribeUrl)}` : ''}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: c.subject, text, html };
}
