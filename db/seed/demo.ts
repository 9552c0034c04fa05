import { eq } from 'drizzle-orm';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { hashPassword } from '@/lib/auth/password';
import { encryptSecret } from '@/lib/auth/secret-box';
import type { Database } from '../client';
import { communes, userRoles, users } from '../schema';

/**
 * Demo accounts, one per role, for development and demonstrations only: their password is in the
 * README. Production loads them only when AGORA_SEED_DEMO=1.
 */
export const DEMO_PASSWORD = 'Agora-demo-2026!';

/**
 * The demo staff accounts' second factor (TOTP, base32), so a demonstration and the end-to-end
 * tests (e2e/fixtures.ts computes the codes) can sign them in. Public, like the password: these
 * accounts exist only in development or with AGORA_SEED_DEMO=1, never in a real deployment.
 * Add it to an authenticator app to sign in as a demo coordinator, moderator, etc.
 */
export const DEMO_TOTP_SECRET = 'AGORADEMOAGORADEMOAGORADEMOAGORA';

type DemoRole = 'admin' | 'coordinator' | 'moderator' | 'analyst' | 'operator';

export const DEMO_ACCOUNTS: { email: string; name: string; role: DemoRole | null; communeSlug?: string }[] = [
  { email: 'admin@agora.local', name: 'Alicja Administratorka', role: 'admin' },
  { email: 'koordynator@agora.local', name: 'Krzysztof Koordynator', role: 'coordinator' },
  { email: 'koordynator.debowiec@agora.local', name: 'Danuta Wójcik', role: 'coordinator', communeSlug: 'debowiec' },
  { email: 'moderator@agora.local', name: 'Marta Moderatorka', role: 'moderator' },
  { email: 'analityk@agora.local', name: 'Adam Analityk', role: 'analyst' },
  { email: 'operator@agora.local', name: 'Olga Operatorka', role: 'operator' },
  { email: 'czlonek@agora.local', name: 'Jan Kowalski', role: null },
];

/** Creates the demo accounts that do not exist yet. */
export async function seedDemoAccounts(db: Database) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const secondFactor = account.role
        ? { totpSecret: encryptSecret(decodeBase32IgnorePadding(DEMO_TOTP_SECRET)), totpEnabledAt: new Date() }
        : {};
      const [created] = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, passwordHash, consentAt: new Date(), ...secondFactor })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!created || !account.role) continue;
      let communeId: number | null = null;
      if (account.communeSlug) {
        const [commune] = await tx.select({ id: communes.id }).from(communes).where(eq(communes.slug, account.communeSlug));
        communeId = commune?.id ?? null;
      }
      await tx.insert(userRoles).values({ userId: created.id, role: account.role, communeId }).onConflictDoNothing();
    }
  });
}
