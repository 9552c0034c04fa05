/**
 * The production build of this folder served on 127.0.0.1 from a scratch embedded database with
 * the demo data (in the temporary folder, removed by stop()): what the measuring scripts
 * (measure-client-js.ts, lighthouse.ts) run against when not given a running server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Resolves once `url` answers 200, within two minutes. */
export async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within two minutes`);
}

export async function startScratchServer(port: number, name: string): Promise<{ base: string; stop: () => Promise<void> }> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('No production build here: run `npm run build` first.');
  const scratch = mkdtempSync(path.join(tmpdir(), `agora-${name}-`));
  let server: ChildProcess | undefined;
  const stop = async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const env = {
      ...process.env,
      NODE_ENV: 'production' as const,
      DATABASE_URL: '',
      PGLITE_DATA_DIR: path.join(scratch, 'pglite'),
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'measure-only-secret-measure-only-secret',
      AGORA_SEED_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    };
    console.log('preparing a scratch embedded database with the demo data…');
    await run('npx', ['tsx', '--conditions=react-server', 'db/prepare.ts', '--seed=demo'], env);
    // Bound as "localhost" (which is 127.0.0.1 here): Next.js writes a request for 127.0.0.1 as
    // localhost in its URLs, and serves proxy.ts's rewrites itself only when that origin is its own;
    // bound as 127.0.0.1 it proxied each rewrite to itself over the network, /pl/pl/pl/… without end.
    server = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', 'localhost'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    return { base, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
