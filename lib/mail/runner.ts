import 'server-only';
import { getConnection } from '@/db/client';
import { getEnv } from '@/lib/env';
import { queueScheduledMail } from './scheduled';
import { configuredTransport, type MailTransport } from './transport';
import { deliverDueMail } from './worker';

/** Scheduled messages (reminders, digests) are looked for at most this often. */
const SCHEDULE_EVERY_MS = 60_000;

interface Runner {
  timer: NodeJS.Timeout | null;
  transport: MailTransport;
  lastSchedule: number;
  running: boolean;
}

const globalForMail = globalThis as unknown as { agoraMailRunner?: Runner };

async function tick(runner: Runner) {
  if (runner.running) return;
  runner.running = true;
  try {
    const database = getConnection().db;
    if (Date.now() - runner.lastSchedule >= SCHEDULE_EVERY_MS) {
      runner.lastSchedule = Date.now();
      await queueScheduledMail({ database });
    }
    // Keep going while there is a full batch waiting.
    for (;;) {
      const report = await deliverDueMail({ database, transport: runner.transport });
      if (report.sent + report.retrying + report.failed < 20) break;
    }
  } catch (error) {
    console.error('[mail] delivery round failed; trying again later', error);
  } finally {
    runner.running = false;
  }
}

/**
 * Starts the mail worker in this server process (instrumentation.ts): every MAIL_POLL_MS it
 * delivers due messages, and once a minute queues scheduled ones. Each app process runs one;
 * the outbox's SKIP LOCKED claims keep them from sending a message twice. Idempotent.
 */
export function startMailWorker(): void {
  if (globalForMail.agoraMailRunner) return;
  const env = getEnv();
  const runner: Runner = { timer: null, transport: configuredTransport(), lastSchedule: 0, running: false };
  globalForMail.agoraMailRunner = runner;
  runner.timer = setInterval(() => void tick(runner), env.MAIL_POLL_MS);
  runner.timer.unref();
  console.log(`Agora: mail worker started (${env.SMTP_URL ? 'SMTP' : 'development: files in'} ${runner.transport.description}).`);
}
