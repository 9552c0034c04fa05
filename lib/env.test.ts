import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value as string);
  return import('./env');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getEnv', () => {
  it('needs no settings in development and uses the embedded database', async () => {
    const { getEnv } = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: undefined, AUTH_SECRET: undefined, PGLITE_DATA_DIR: undefined });
    const env = getEnv();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe('.data/pglite');
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('names AUTH_SECRET when production lacks it', async () => {
    const { getEnv } = await freshEnv({ NODE_ENV: 'production', AUTH_SECRET: '' });
    expect(() => getEnv()).toThrow(/^AUTH_SECRET: is required in production/);
  });

  it('names the bad variable in one line', async () => {
    const { getEnv } = await freshEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), DATABASE_URL: 'mysql://db/agora' });
    expect(() => getEnv()).toThrow('DATABASE_URL: must start with postgres:// or postgresql://');
    const again = await freshEnv({ NODE_ENV: 'production', AUTH_SECRET: 'short', DATABASE_URL: undefined });
    expect(() => again.getEnv()).toThrow(/^AUTH_SECRET: must be at least 32 characters/);
    const idle = await freshEnv({ NODE_ENV: 'development', AUTH_SECRET: undefined, SESSION_IDLE_MINUTES: 'soon' });
    expect(() => idle.getEnv()).toThrow(/^SESSION_IDLE_MINUTES: /);
    const max = await freshEnv({ NODE_ENV: 'development', AUTH_SECRET: undefined, SESSION_IDLE_MINUTES: undefined, SESSION_MAX_HOURS: '0' });
    expect(() => max.getEnv()).toThrow('SESSION_MAX_HOURS: must be at least 1');
    const defaults = await freshEnv({ NODE_ENV: 'development', AUTH_SECRET: undefined, SESSION_IDLE_MINUTES: undefined, SESSION_MAX_HOURS: undefined });
    expect(defaults.getEnv().SESSION_MAX_HOURS).toBe(12);
  });

  it('shares a cache between instances only on PostgreSQL, and caps the results cache at half a minute', async () => {
    const embedded = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: undefined, REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(() => embedded.getEnv()).toThrow(/^REDIS_URL: is for several instances, which need DATABASE_URL/);
    const server = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: 'postgres://127.0.0.1/agora', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(server.getEnv().REDIS_URL).toBe('redis://127.0.0.1:6379');
    const wrong = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: 'postgres://127.0.0.1/agora', REDIS_URL: 'http://127.0.0.1:6379' });
    expect(() => wrong.getEnv()).toThrow(/^REDIS_URL: must be a redis:/);
    const stale = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: undefined, REDIS_URL: undefined, RESULTS_CACHE_SECONDS: '31' });
    expect(() => stale.getEnv()).toThrow('RESULTS_CACHE_SECONDS: must be at most 30');
  });

  it('checks the mail settings: a malformed SMTP_URL or MAIL_FROM is named in one line', async () => {
    const bad = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: undefined, SMTP_URL: 'mail.example.pl:25' });
    expect(() => bad.getEnv()).toThrow(/^SMTP_URL: must be a URL such as smtp:\/\/user:pass@host:587/);
    const http = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: undefined, SMTP_URL: 'http://mail.example.pl' });
    expect(() => http.getEnv()).toThrow(/^SMTP_URL: /);
    const from = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: undefined, SMTP_URL: undefined, MAIL_FROM: 'Agora' });
    expect(() => from.getEnv()).toThrow(/^MAIL_FROM: /);
    const url = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: undefined, MAIL_FROM: undefined, PUBLIC_URL: 'agora.example.pl' });
    expect(() => url.getEnv()).toThrow(/^PUBLIC_URL: must start with http/);
    const good = await freshEnv({
      NODE_ENV: 'development',
      DATABASE_URL: undefined,
      SMTP_URL: 'smtps://agora:sekret@poczta.example.pl:465',
      MAIL_FROM: 'Jasielska Agora <agora@powiat.example.pl>',
      PUBLIC_URL: 'https://agora.example.pl/',
    });
    expect(good.getEnv()).toMatchObject({ SMTP_URL: 'smtps://agora:sekret@poczta.example.pl:465', PUBLIC_URL: 'https://agora.example.pl' });
    const derived = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: undefined, PUBLIC_URL: undefined, AUTH_URL: 'https://forum.example.pl', SMTP_URL: undefined });
    expect(derived.getEnv()).toMatchObject({ PUBLIC_URL: 'https://forum.example.pl', MAIL_DIR: '.data/mail' });
    expect(derived.getEnv().SMTP_URL).toBeUndefined();
  });
});

describe('TRUSTED_PROXIES', () => {
  it('is a count of hops or a list of addresses and ranges; anything else names the setting', async () => {
    expect((await freshEnv({ TRUSTED_PROXIES: undefined })).getEnv().TRUSTED_PROXIES).toEqual({ kind: 'none' });
    expect((await freshEnv({ TRUSTED_PROXIES: '1' })).getEnv().TRUSTED_PROXIES).toEqual({ kind: 'hops', hops: 1 });
    expect((await freshEnv({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' })).getEnv().TRUSTED_PROXIES.kind).toBe('list');
    const bad = await freshEnv({ TRUSTED_PROXIES: 'nginx' });
    expect(() => bad.getEnv()).toThrow(/^TRUSTED_PROXIES: "nginx" is not an address or a range/);
  });
});

describe('DATABASE_REPLICA_URLS', () => {
  it('is a comma-separated list of PostgreSQL URLs beside DATABASE_URL; anything else names the setting', async () => {
    const none = await freshEnv({ NODE_ENV: 'development', DATABASE_URL: 'postgres://127.0.0.1/agora', DATABASE_REPLICA_URLS: undefined });
    expect(none.getEnv().DATABASE_REPLICA_URLS).toEqual([]);
    const two = await freshEnv({ DATABASE_URL: 'postgres://127.0.0.1/agora', DATABASE_REPLICA_URLS: 'postgres://r1:5433/agora, postgresql://u:p@r2/agora,' });
    expect(two.getEnv().DATABASE_REPLICA_URLS).toEqual(['postgres://r1:5433/agora', 'postgresql://u:p@r2/agora']);
    const bad = await freshEnv({ DATABASE_URL: 'postgres://127.0.0.1/agora', DATABASE_REPLICA_URLS: 'postgres://r1/agora,mysql://u:secret@r2/agora' });
    expect(() => bad.getEnv()).toThrow(/^DATABASE_REPLICA_URLS: each URL must start with postgres:\/\/ .*"mysql:\/\/u:\*\*\*@r2\/agora"$/);
    const embedded = await freshEnv({ DATABASE_URL: undefined, DATABASE_REPLICA_URLS: 'postgres://r1/agora' });
    expect(() => embedded.getEnv()).toThrow('DATABASE_REPLICA_URLS: needs DATABASE_URL (the embedded database has no replicas)');
  });
});

describe('file storage settings', () => {
  const none = { FILES_STORE: undefined, FILES_DIR: undefined, FILES_MAX_MB: undefined, S3_BUCKET: undefined, S3_ACCESS_KEY_ID: undefined, S3_SECRET_ACCESS_KEY: undefined, S3_ENDPOINT: undefined };

  it('keeps files on disk under .data/files, up to 25 MB, unless told otherwise', async () => {
    expect((await freshEnv({ NODE_ENV: 'development', ...none })).getEnv()).toMatchObject({ FILES_STORE: 'disk', FILES_DIR: '.data/files', FILES_MAX_MB: 25 });
  });

  it('an S3 store needs its bucket, and both keys or neither; a bad value names the setting', async () => {
    await expect(freshEnv({ NODE_ENV: 'development', ...none, FILES_STORE: 's3' }).then((m) => m.getEnv())).rejects.toThrow('S3_BUCKET: is required when FILES_STORE=s3');
    await expect(freshEnv({ NODE_ENV: 'development', ...none, FILES_STORE: 's3', S3_BUCKET: 'agora-pliki', S3_ACCESS_KEY_ID: 'key' }).then((m) => m.getEnv())).rejects.toThrow('S3_SECRET_ACCESS_KEY: must be set together with the other S3 key');
    await expect(freshEnv({ NODE_ENV: 'development', ...none, FILES_MAX_MB: '0' }).then((m) => m.getEnv())).rejects.toThrow('FILES_MAX_MB: must be at least 1');
    await expect(freshEnv({ NODE_ENV: 'development', ...none, S3_ENDPOINT: 'minio:9000' }).then((m) => m.getEnv())).rejects.toThrow(/^S3_ENDPOINT: /);
    const s3 = await freshEnv({ NODE_ENV: 'development', ...none, FILES_STORE: 's3', S3_BUCKET: 'agora-pliki', S3_ENDPOINT: 'http://127.0.0.1:9000' });
    expect(s3.getEnv()).toMatchObject({ FILES_STORE: 's3', S3_BUCKET: 'agora-pliki', S3_REGION: 'us-east-1' });
  });
});
