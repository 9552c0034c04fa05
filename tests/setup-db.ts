import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, inject, vi } from 'vitest';
import postgres from 'postgres';

/**
 * Gives each test file a database of its own, migrated and empty: a copy of the template that
 * tests/global-setup.ts migrated once for the whole run.
 * - TEST_DATABASE_URL set (and AGORA_TEST_DRIVER not 'pglite'): a new database on that server,
 *   created from the template database and dropped after the file;
 * - otherwise: an in-memory PGlite loaded from the template's data folder.
 * The app code under test reaches it through the usual db/client singleton.
 */
const serverUrl = process.env.AGORA_TEST_DRIVER === 'pglite' ? undefined : process.env.TEST_DATABASE_URL;
let databaseName: string | undefined;

// Next's request APIs are not available outside a request; tests that need them mock them.
vi.mock('next/headers', async () => (await import('./next-headers')).nextHeadersMock);

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  if (serverUrl) {
    databaseName = `agora_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${databaseName} template ${inject('postgresTemplate')}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.PGLITE_DATA_DIR = 'memory://';
    const { PGlite } = await import('@electric-sql/pglite');
    const { pgliteConnection } = await import('@/db/client');
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const client = await PGlite.create({ loadDataDir: template });
    (globalThis as { agoraConnection?: unknown }).agoraConnection = pgliteConnection(client);
  }
});

afterAll(async () => {
  const { getConnection } = await import('@/db/client');
  await getConnection().close();
  delete (globalThis as { agoraConnection?: unknown }).agoraConnection;
  if (serverUrl && databaseName) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
});
