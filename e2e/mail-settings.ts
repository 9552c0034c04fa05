import { join } from 'node:path';

/** Where the end-to-end SMTP server writes what it receives. */
export const E2E_MAIL_DIR = join(process.cwd(), '.data', 'e2e-mail');

/** The test SMTP server's port: E2E_SMTP_PORT, else one in 2525–2599 derived from the app's port. */
export function e2eSmtpPort(): number {
  if (process.env.E2E_SMTP_PORT) return Number(process.env.E2E_SMTP_PORT);
  const appPort = Number(process.env.E2E_PORT ?? 3100);
  return 2525 + (appPort % 75);
}
