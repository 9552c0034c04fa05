import { eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '../client';
import { communes, userRoles, users } from '../schema';

/**
 * Demo accounts, one per role, for development and demonstrations only: their password is in the
 * README. Production loads them only when AGORA_SEED_DEMO=1.
 */
export const DEMO_PASSWORD = 'Agora-demo-2026!';

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
      const [created] = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, passwordHash, consentAt: new Date() })
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
