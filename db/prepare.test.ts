import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Each test starts tsx in a child process: seconds on a quiet machine, over half a minute on a busy
// one, so each may take as long as its child is allowed to.
const CHILD_MS = 60_000;

describe('start-up (db/prepare.ts)', () => {
  it('stops with one line naming a malformed SMTP_URL, before touching the database', () => {
    const run = spawnSync('npx', ['tsx', '--conditions=react-server', 'db/prepare.ts', '--seed=none'], {
      env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: '', PGLITE_DATA_DIR: 'memory://', SMTP_URL: 'smtp//missing-colon' },
      encoding: 'utf8',
      timeout: CHILD_MS,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual(['Agora cannot start: SMTP_URL: must be a URL such as smtp://user:pass@host:587 or smtps://host:465']);
  }, CHILD_MS + 5_000);

  it('stops with one line naming the field a deployment file lacks, before touching the database', () => {
    const deployment = JSON.parse(readFileSync('db/seed/examples/powiat-przykladowy.json', 'utf8'));
    delete deployment.county.dataProtectionOfficer;
    const path = join(mkdtempSync(join(tmpdir(), 'agora-deployment-')), 'county.json');
    writeFileSync(path, JSON.stringify(deployment));
    const run = spawnSync('npx', ['tsx', '--conditions=react-server', 'db/prepare.ts', '--seed=deployment'], {
      env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: '', PGLITE_DATA_DIR: 'memory://', AGORA_DEPLOYMENT_FILE: path },
      encoding: 'utf8',
      timeout: CHILD_MS,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`Agora cannot start: AGORA_DEPLOYMENT_FILE (${path}): county.dataProtectionOfficer: is missing`]);
  }, CHILD_MS + 5_000);
});
