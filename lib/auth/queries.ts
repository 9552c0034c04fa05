import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditLog, communes, userRoles, users } from '@/db/schema';
import type { CurrentUser } from './permissions';

/**
 * Everything Agora holds about the signed-in user, as the RODO right of access requires. Each
 * domain that stores personal data adds its own section here.
 */
export async function exportUserData({ actor }: { actor: CurrentUser }) {
  const [account] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      status: users.status,
      consentAt: users.consentAt,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.id, actor.id));
  const roles = await db
    .select({ role: userRoles.role, commune: communes.name, grantedAt: userRoles.grantedAt })
    .from(userRoles)
    .leftJoin(communes, eq(communes.id, userRoles.communeId))
    .where(eq(userRoles.userId, actor.id));
  const activity = await db
    .select({ at: auditLog.at, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId })
    .from(auditLog)
    .where(eq(auditLog.actorId, actor.id))
    .orderBy(desc(auditLog.at))
    .limit(10_000);
  return { exportedAt: new Date().toISOString(), account, roles, activity };
}
