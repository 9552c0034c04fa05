// The kinds of e-mail Agora sends. Safe to import in the browser (the /account form lists them).

/**
 * Messages a person needs to use or protect their account: always sent, no unsubscribe link.
 * - verify_email: the link that makes a new account usable;
 * - signup_existing: "someone tried to sign up with your address" (the form answers the same);
 * - reset_password: the single-use link (1 hour);
 * - password_changed: the notice after a password change or reset;
 * - confirm_email_change: the link (24 hours) to the new address that makes it the account's;
 * - email_changed: the notice to the old address once it is replaced;
 * - two_factor_reset: the notice that an administrator removed the account's second factor.
 */
export const ESSENTIAL_KINDS = ['verify_email', 'signup_existing', 'reset_password', 'password_changed', 'confirm_email_change', 'email_changed', 'two_factor_reset'] as const;

/**
 * Messages a member may switch off in /account; each carries one-click unsubscribe (RFC 8058).
 * The value is whether it is on when the member has not chosen (the news digest is opt-in).
 */
export const OPTIONAL_KINDS = {
  thread_replies: true,
  membership: true,
  moderation: true,
  consultations: true,
  meeting_invitation: true,
  meeting_reminder: true,
  meeting_change: true,
  news_digest: false,
} as const;

export type EssentialKind = (typeof ESSENTIAL_KINDS)[number];
export type OptionalKind = keyof typeof OPTIONAL_KINDS;
export type MailKind = EssentialKind | OptionalKind;

export const OPTIONAL_KIND_LIST = Object.keys(OPTIONAL_KINDS) as OptionalKind[];

export function isOptionalKind(kind: string): kind is OptionalKind {
  return Object.hasOwn(OPTIONAL_KINDS, kind);
}

/** The preference (the consent an unsubscribe link switches off) a message of this kind falls under. */
export const PREFERENCE_OF: Record<string, OptionalKind> = {
  thread_reply: 'thread_replies',
  thread_quote: 'thread_replies',
  thread_digest: 'thread_replies',
  membership_received: 'membership',
  membership_decided: 'membership',
  post_hidden: 'moderation',
  consultation_opened: 'consultations',
  consultation_closing: 'consultations',
  consultation_opinion: 'consultations',
  meeting_invitation: 'meeting_invitation',
  meeting_reminder: 'meeting_reminder',
  meeting_change: 'meeting_change',
  meeting_cancelled: 'meeting_change',
  news_digest: 'news_digest',
};

/** A member's choice of "one summary a day" for replies in followed threads (a mail_preferences row). */
export const REPLIES_DAILY = 'thread_replies_daily';

/** The states of an outbox message (db/schema/mail.ts), for the admin page's filter. */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatusName = (typeof MAIL_STATUSES)[number];
