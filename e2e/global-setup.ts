import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestSmtp } from '../tests/smtp';
import { E2E_MAIL_DIR, e2eSmtpPort } from './mail-settings';

/**
 * A real SMTP server in the test runner's process for the whole run: the app under test
 * (SMTP_URL, see playwright.config.ts) delivers to it, and each message it receives is written to
 * E2E_MAIL_DIR, where the specs (in their own worker processes) read it (e2e/mail.ts).
 */
export default async function globalSetup() {
  rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  mkdirSync(E2E_MAIL_DIR, { recursive: true });
  let sequence = 0;
  const server = await startTestSmtp(e2eSmtpPort(), {
    onMessage(record) {
      const name = `${Date.now()}-${String(++sequence).padStart(6, '0')}`;
      // Written aside and renamed, so a reader never sees half a message.
      writeFileSync(join(E2E_MAIL_DIR, `${name}.partial`), JSON.stringify(record));
      renameSync(join(E2E_MAIL_DIR, `${name}.partial`), join(E2E_MAIL_DIR, `${name}.json`));
    },
  });
  return () => server.close();
}
