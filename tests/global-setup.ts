import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { pgliteConnection, postgresConnection } from '@/db/client';
import { runMigrations } from '@/db/migrate';

const migrationsFolder = join(process.cwd(), 'db', 'migrations');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated, empty PGlite data folder (PGlite runs). */
    pgliteTemplate: string;
    /** A migrated, empty database on TEST_DATABASE_URL's server to copy (PostgreSQL runs). */
    postgresTemplate: string;
  }
}

/**
 * Migrates one database before any test file runs; tests/setup-db.ts gives each file a copy of it,
 * which is much quicker than running every migration again per file.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.AGORA_TEST_DRIVER === 'pglite' ? undefined : process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `agora_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const connection = postgresConnection(url.toString(), { max: 1 });
    await runMigrations(connection);
    await connection.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }

  project.provide('pgliteTemplate', await pgliteTemplate());
  project.provide('postgresTemplate', '');
}

/**
 * The migrated PGlite data folder as a tar in .data/test-templates, named by a hash of the
 * migrations and the PGlite version: made once, then reused by later runs until either changes.
 */
async function pgliteTemplate(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  for (const file of [...readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort(), 'meta/_journal.json']) {
    hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  const dir = join(process.cwd(), '.data', 'test-templates');
  const file = join(dir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) return file;

  const client = new PGlite('memory://');
  await runMigrations(pgliteConnection(client));
  const tar = await client.dumpDataDir('none');
  await client.close();
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) if (old.endsWith('.tar')) rmSync(join(dir, old), { force: true }); // outdated
  // Written aside and renamed, so a run alongside never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await tar.arrayBuffer()));
  renameSync(partial, file);
  return file;
}
