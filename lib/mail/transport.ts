import 'server-only';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailOutboxRow } from '@/db/schema';
import { getEnv } from '@/lib/env';

/** Delivers one outbox message, or throws. */
export interface MailTransport {
  send(message: MailOutboxRow): Promise<void>;
  /** Where the messages go, for the log and the admin page ("smtp://host:587", ".data/mail"). */
  readonly description: string;
  close(): void;
}

/** The message as nodemailer builds it. Message-ID from the outbox id: a resend is recognisable. */
function mailOptions(message: MailOutboxRow, from: string, host: string): nodemailer.SendMailOptions {
  return {
    from,
    to: message.toAddress,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    headers: message.headers,
    messageId: `<agora-${message.id}-${message.createdAt.getTime()}@${host}>`,
    attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
}

function publicHost(): string {
  try {
    return new URL(getEnv().PUBLIC_URL).hostname || 'agora.localhost';
  } catch {
    return 'agora.localhost';
  }
}

/** Sends through the SMTP server at `url` (smtp:// or smtps://). Time-outs keep one try short. */
export function smtpTransport(url: string, from = getEnv().MAIL_FROM): MailTransport {
  const transporter = nodemailer.createTransport(url, {});
  // Short time-outs: a claim on a message lasts minutes; one try must end well before that.
  Object.assign(transporter.options, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const host = publicHost();
  return {
    description: shown,
    async send(message) {
      await transporter.sendMail(mailOptions(message, from, host));
    },
    close: () => transporter.close(),
  };
}

/**
 * Development without SMTP_URL: each message becomes an .eml file in `dir` (any mail program opens
 * it), and stays readable on /admin/mail from the outbox itself.
 */
export function fileTransport(dir: string, from = getEnv().MAIL_FROM): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const host = publicHost();
  return {
    description: dir,
    async send(message) {
      const info = await transporter.sendMail(mailOptions(message, from, host));
      await mkdir(dir, { recursive: true });
      const stamp = message.createdAt.toISOString().replace(/[:.]/g, '-');
      await writeFile(join(dir, `${stamp}-${message.id}-${message.kind}.eml`), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
}

/** The transport the settings name: SMTP_URL, else files in MAIL_DIR. */
export function configuredTransport(): MailTransport {
  const env = getEnv();
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(env.MAIL_DIR);
}
