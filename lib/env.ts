import * as z from 'zod';
import { parseTrustedProxies } from '@/lib/trusted-proxies';

/**
 * Settings, parsed once from process.env. A bad value stops start-up with one line that names the
 * setting (see db/prepare.ts); nothing else in the app reads process.env directly.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // Read replicas of DATABASE_URL (streaming replicas), comma-separated: the dashboards' aggregate
  // reads go to one of them (db/client.ts, replicaDb). Unset: everything reads the primary.
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const urls = (value ?? '')
        .split(',')
        .map((url) => url.trim())
        .filter((url) => url !== '');
      const bad = urls.find((url) => !/^postgres(ql)?:\/\/[^\s]+$/.test(url));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `each URL must start with postgres:// or postgresql:// (comma-separated, no spaces inside): "${hidePassword(bad)}"` });
        return z.NEVER;
      }
      return urls;
    }),
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(120),
  // A session ends this many hours after sign-in however active it is (absolute lifetime).
  SESSION_MAX_HOURS: z.coerce.number().int().min(1, 'must be at least 1').max(24 * 90, 'must be at most 2160 (90 days)').default(12),
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(3).max(1000).default(10),
  // Many people may share one address (a commune office behind one router), so this is higher.
  SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(3).max(100_000).default(50),
  // Online submissions to one open-link survey per client address per hour (a shared office router
  // or a family's phone line may send several honest ones).
  SURVEY_SUBMISSIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(30),
  // k of the dashboards' disclosure control (lib/results/disclosure.ts): groups, small counts, means.
  RESULTS_MIN_GROUP: z.coerce.number().int().min(3, 'must be at least 3').max(1000).default(5),
  // How long the dashboards reuse a survey's aggregate rows (seconds; 0 = read them on every request).
  // At most 30: a visitor's kept results page lives as long again (app/public-pages/[site]/results,
  // revalidate = 30), and an open survey's dashboard must never be a minute stale.
  // Valkey/Redis shared by several app instances: Next.js's cache of kept pages and its
  // invalidations (cache-handler.mjs reads it too). Unset: each instance keeps its own.
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// address').optional(),
  RESULTS_CACHE_SECONDS: z.coerce.number().int().min(0).max(30, 'must be at most 30').default(30),
  // Reverse proxies in front of the app: a count of hops, or their addresses/ranges (lib/request.ts).
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  AGORA_DEPLOYMENT_FILE: z.string().min(1).optional(),
  // Outgoing mail. Unset: every message is written to MAIL_DIR instead (development), where the
  // admin page /admin/mail lists it too.
  SMTP_URL: z
    .string()
    .refine(isSmtpUrl, 'must be a URL such as smtp://user:pass@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address, e.g. "Agora <agora@example.pl>"')
    .default('Agora <no-reply@agora.localhost>'),
  MAIL_DIR: z.string().min(1).default('.data/mail'),
  // The address links in e-mails start with (no trailing slash). Defaults to AUTH_URL, else localhost.
  PUBLIC_URL: z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must start with http:// or https://').optional(),
  AUTH_URL: z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must start with http:// or https://').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Password-reset requests per e-mail address and per client address in an hour.
  PASSWORD_RESETS_PER_ACCOUNT: z.coerce.number().int().min(1).max(100).default(3),
  PASSWORD_RESETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  // How often the in-process mail worker looks for due messages (milliseconds).
  MAIL_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  // Documents and attachments (lib/files): where their bytes are kept, and how large one may be.
  // 'disk' keeps them under FILES_DIR; 's3' in an S3-compatible bucket (several app servers).
  FILES_STORE: z.enum(['disk', 's3']).default('disk'),
  // The disk store's folder (never under public/), and where uploads wait while they are checked.
  FILES_DIR: z.string().min(1).default('.data/files'),
  FILES_MAX_MB: z.coerce.number().int().min(1, 'must be at least 1').max(2048, 'must be at most 2048').default(25),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (3–63 lower-case letters, digits, dots, hyphens)').optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  // An S3-compatible server other than AWS (MinIO, Ceph, Garage, a cloud's object storage).
  S3_ENDPOINT: z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must start with http:// or https://').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Most S3-compatible servers want bucket names in the path, not in the host name.
  S3_FORCE_PATH_STYLE: z.enum(['0', '1']).optional(),
  S3_PREFIX: z.string().regex(/^[A-Za-z0-9._\/-]*$/, 'may hold only letters, digits, ".", "_", "-" and "/"').default(''),
  AGORA_SEED_DEMO: z.enum(['0', '1']).optional(),
  // End-to-end runs only: lets a request move the server's clock forward (lib/test-clock.ts). Never in production use.
  AGORA_TEST_CLOCK: z.enum(['0', '1']).optional(),
});

/** A database URL as it may be printed: the password starred out. */
export function hidePassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; PUBLIC_URL: string };

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Used only outside production, so a newcomer needs no configuration. Never valid in production. */
const DEVELOPMENT_SECRET = 'agora-development-secret-not-for-production-use';

export class SettingError extends Error {
  constructor(
    public readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
  }
}

let cached: Env | undefined;

/** Reads and validates the settings; throws SettingError naming the first bad one. */
export function getEnv(): Env {
  if (cached) return cached;
  const source = { ...process.env };
  // Empty strings from shells and .env files mean "not set".
  for (const key of Object.keys(source)) if (source[key] === '') delete source[key];
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SettingError(String(issue.path[0] ?? 'settings'), issue.message);
  }
  const env = parsed.data;
  if (!env.AUTH_SECRET && env.NODE_ENV === 'production') {
    throw new SettingError('AUTH_SECRET', 'is required in production (openssl rand -base64 32)');
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    throw new SettingError('REDIS_URL', 'is for several instances, which need DATABASE_URL (the embedded database serves one process)');
  }
  if (env.DATABASE_REPLICA_URLS.length > 0 && !env.DATABASE_URL) {
    throw new SettingError('DATABASE_REPLICA_URLS', 'needs DATABASE_URL (the embedded database has no replicas)');
  }
  if (env.FILES_STORE === 's3' && !env.S3_BUCKET) {
    throw new SettingError('S3_BUCKET', 'is required when FILES_STORE=s3');
  }
  if ((env.S3_ACCESS_KEY_ID === undefined) !== (env.S3_SECRET_ACCESS_KEY === undefined)) {
    throw new SettingError(env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID', 'must be set together with the other S3 key');
  }
  const publicUrl = (env.PUBLIC_URL ?? env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  cached = { ...env, AUTH_SECRET: env.AUTH_SECRET ?? DEVELOPMENT_SECRET, PUBLIC_URL: publicUrl };
  return cached;
}
