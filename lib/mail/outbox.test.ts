import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, getConnection, postgresConnection, type Database } from '@/db/client';
import { mailOutbox, users } from '@/db/schema';
import { makeUser } from '@/tests/factories';
import { startTestSmtp, type TestSmtp } from '@/tests/smtp';
import { enqueueMail } from './outbox';
import { smtpTransport } from './transport';
import { backoffSeconds, deliverDueMail, MAX_ATTEMPTS, requeueMail } from './worker';

let servers: TestSmtp[] = [];
// The database lives for the whole file: each test starts with an empty outbox.
beforeEach(async () => {
  await db.delete(mailOutbox);
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function smtp(port = 0) {
  const server = await startTestSmtp(port);
  servers.push(server);
  return server;
}

function resetMail(to: string, userId: string | null = null, n = 1) {
  return { userId, to, locale: 'pl', data: { kind: 'reset_password' as const, name: `Jan ${n}`, url: `http://localhost/reset?token=t${n}` } };
}

async function outboxRows() {
  return db.select().from(mailOutbox).orderBy(mailOutbox.id);
}

describe('the outbox', () => {
  it('commits a message with the event that causes it, and drops it when that event rolls back', async () => {
    await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ name: 'Anna Nowak', email: 'anna.commit@example.pl' }).returning();
      await enqueueMail(tx, resetMail(user!.email, user!.id));
    });
    const failure = await db
      .transaction(async (tx) => {
        const [user] = await tx.insert(users).values({ name: 'Piotr Zając', email: 'piotr.rollback@example.pl' }).returning();
        await enqueueMail(tx, resetMail(user!.email, user!.id));
        expect((await tx.select().from(mailOutbox)).length).toBe(2); // visible inside the transaction
        throw new Error('the event failed');
      })
      .catch((e: Error) => e.message);
    expect(failure).toBe('the event failed');

    const rows = await outboxRows();
    expect(rows.map((r) => r.toAddress)).toEqual(['anna.commit@example.pl']);
    expect(await db.select().from(users).where(eq(users.email, 'piotr.rollback@example.pl'))).toEqual([]);
    expect(rows[0]).toMatchObject({ status: 'queued', attempts: 0, kind: 'reset_password' });
    expect(rows[0]!.textBody).toContain('http://localhost/reset?token=t1');
  });

  it('keeps messages queued while the SMTP server is down and sends each once when it is back', async () => {
    // A port with nothing listening: start a server to learn a free port, then stop it.
    const probe = await startTestSmtp(0);
    const port = probe.port;
    await probe.close();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'Agora <agora@example.pl>');

    await enqueueMail(db, resetMail('one@example.pl', null, 1));
    await enqueueMail(db, resetMail('two@example.pl', null, 2));
    const down = await deliverDueMail({ database: db, transport });
    expect(down).toEqual({ sent: 0, retrying: 2, failed: 0 });
    let rows = await outboxRows();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['queued', 1], ['queued', 1]]);
    expect(rows[0]!.lastError).toMatch(/ECONNREFUSED/);
    expect(rows[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + (backoffSeconds(1) - 5) * 1000);

    // Not due yet: nothing is tried again before the back-off.
    expect(await deliverDueMail({ database: db, transport })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const server = await smtp(port);
    const later = new Date(Date.now() + backoffSeconds(1) * 1000 + 1000);
    expect(await deliverDueMail({ database: db, transport, now: later })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(await deliverDueMail({ database: db, transport, now: new Date(later.getTime() + 86_400_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(['one@example.pl', 'two@example.pl']);
    rows = await outboxRows();
    expect(rows.every((r) => r.status === 'sent' && r.sentAt !== null && r.lastError === null)).toBe(true);
    const mail = server.received.find((m) => m.to[0] === 'one@example.pl')!.parsed;
    expect(mail.subject).toBe('Ustaw nowe hasło w Agorze');
    expect(mail.from?.text).toContain('agora@example.pl');
    expect(mail.text).toContain('http://localhost/reset?token=t1');
    expect(mail.html).toContain('href="http://localhost/reset?token=t1"');
    transport.close();
  });

  it('marks a message failed with the reason after the last try, and an admin can queue it again', async () => {
    const probe = await startTestSmtp(0);
    await probe.close();
    const transport = smtpTransport(`smtp://127.0.0.1:${probe.port}`, 'agora@example.pl');
    await enqueueMail(db, resetMail('late@example.pl'));
    await db.update(mailOutbox).set({ attempts: MAX_ATTEMPTS - 1 });
    expect(await deliverDueMail({ database: db, transport })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);

    const server = await smtp(probe.port);
    expect(await deliverDueMail({ database: db, transport, now: new Date(Date.now() + 86_400_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await requeueMail(db, [row!.id])).toBe(1);
    expect(await requeueMail(db, [row!.id])).toBe(0); // only failed ones
    expect(await deliverDueMail({ database: db, transport })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(server.received).toHaveLength(1);
    transport.close();
  });

  it('does not send again a message whose sender died mid-send: it is marked failed for an admin to decide', async () => {
    const server = await smtp();
    const transport = smtpTransport(`smtp://127.0.0.1:${server.port}`, 'agora@example.pl');
    await enqueueMail(db, resetMail('crash@example.pl'));
    // A worker claimed it and its process died: the row stays 'sending' with a claim that runs out.
    await db.update(mailOutbox).set({ status: 'sending', attempts: 1, lockedUntil: new Date(Date.now() - 1000) });
    expect(await deliverDueMail({ database: db, transport })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.lastError).toMatch(/interrupted/);
    expect(server.received).toHaveLength(0);
    transport.close();
  });

  it('never sends one message twice when two workers with their own connections run at once', async () => {
    const server = await smtp();
    const user = await makeUser();
    const count = 40;
    for (let i = 0; i < count; i++) await enqueueMail(db, resetMail(`many${i}@example.pl`, user.id, i));

    // On PostgreSQL each worker gets its own connection, as two app processes would.
    const url = process.env.DATABASE_URL;
    const second = getConnection().driver === 'postgres' && url ? postgresConnection(url, { max: 2 }) : null;
    const databases: Database[] = [db, second?.db ?? db];
    const transports = databases.map(() => smtpTransport(`smtp://127.0.0.1:${server.port}`, 'agora@example.pl'));
    const reports = await Promise.all(
      databases.map(async (database, i) => {
        let sent = 0;
        for (;;) {
          const report = await deliverDueMail({ database, transport: transports[i]!, batchSize: 3 });
          expect(report.sent + report.retrying + report.failed).toBeLessThanOrEqual(3); // one batch at most
          if (report.sent + report.retrying + report.failed === 0) break;
          sent += report.sent;
        }
        return sent;
      }),
    );
    await second?.close();
    transports.forEach((t) => t.close());

    expect(reports[0]! + reports[1]!).toBe(count);
    if (second) expect(Math.min(...reports)).toBeGreaterThan(0); // both really worked
    const recipients = server.received.map((m) => m.to[0]);
    expect(recipients).toHaveLength(count);
    expect(new Set(recipients).size).toBe(count);
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(eq(mailOutbox.status, 'sent'))) as [{ n: number }];
    expect(n).toBe(count);
  });
});
