/**
 * Creates the first administrator of a production deployment (or makes an existing account an
 * admin):
 *   AGORA_ADMIN_PASSWORD='…' npm run user:create-admin -- --email ala@powiat.example.pl --name "Ala Nowak"
 * The password is read from AGORA_ADMIN_PASSWORD so it never lands in the shell history, and must
 * pass the same strength check as any new password. The account has no second factor yet: at its
 * first sign-in Agora sends it to set one up (/account/two-factor) before anything else.
 * With the embedded database (no DATABASE_URL) run it while Agora is stopped: PGlite serves one
 * process.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { hashPassword, weakPasswordReason } from '@/lib/auth/password';
import { newPassword, email as emailSchema } from '@/lib/auth/schema';
import { openConnection } from '../client';
import { pendingMigrations, runMigrations } from '../migrate';
import { auditLog, userRoles, users } from '../schema';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function fail(message: string): never {
  console.error(`user:create-admin: ${message}`);
  process.exit(1);
}

const email = emailSchema.safeParse(arg('email') ?? '');
if (!email.success) fail('give a valid --email');
const name = (arg('name') ?? '').trim();
if (name.length < 2) fail('give the person\'s --name');
const password = process.env.AGORA_ADMIN_PASSWORD ?? '';
if (!newPassword.safeParse(password).success) fail('set AGORA_ADMIN_PASSWORD to a password of 8–128 characters');
const weak = weakPasswordReason(password);
if (weak === 'password_common') fail('AGORA_ADMIN_PASSWORD is a common password: choose another');
if (weak) fail('AGORA_ADMIN_PASSWORD is too easy to guess: use a longer one, e.g. four or five unrelated words');

const connection = openConnection({ max: 1 });
try {
  if ((await pendingMigrations(connection)) > 0) await runMigrations(connection);
  const passwordHash = await hashPassword(password);
  await connection.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.data));
    const id =
      existing?.id ??
      (await tx.insert(users).values({ email: email.data, name, passwordHash, consentAt: new Date() }).returning({ id: users.id }))[0]!.id;
    if (existing) await tx.update(users).set({ passwordHash, status: 'active' }).where(eq(users.id, id));
    const [grant] = await tx
      .select({ id: userRoles.id })
      .from(userRoles)
      .where(and(eq(userRoles.userId, id), eq(userRoles.role, 'admin'), isNull(userRoles.communeId)));
    if (!grant) await tx.insert(userRoles).values({ userId: id, role: 'admin', communeId: null });
    await tx.insert(auditLog).values({ actorId: null, action: 'role.grant', targetType: 'user', targetId: id, details: { role: 'admin', via: 'user:create-admin' } });
  });
  console.log(`user:create-admin: ${email.data} is an administrator. At the first sign-in Agora asks them to set up two-step sign-in.`);
} finally {
  await connection.close();
}
