import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { mailPreferences } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { CurrentUser } from '@/lib/auth/permissions';
import { OPTIONAL_KIND_LIST, OPTIONAL_KINDS, REPLIES_DAILY, type OptionalKind } from './kinds';
import { readUnsubscribeToken } from './unsubscribe-token';

/** Which optional messages the member gets: their choices over the kinds' defaults. */
export async function getMailPreferences({ actor }: { actor: CurrentUser }): Promise<Record<OptionalKind, boolean>> {
  const rows = await db.select().from(mailPreferences).where(eq(mailPreferences.userId, actor.id));
  const chosen = new Map(rows.map((r) => [r.kind, r.enabled]));
  return Object.fromEntries(OPTIONAL_KIND_LIST.map((kind) => [kind, chosen.get(kind) ?? OPTIONAL_KINDS[kind]])) as Record<OptionalKind, boolean>;
}

async function setPreference(tx: Pick<typeof db, 'insert'>, userId: string, kind: string, enabled: boolean) {
  await tx
    .insert(mailPreferences)
    .values({ userId, kind, enabled })
    .onConflictDoUpdate({ target: [mailPreferences.userId, mailPreferences.kind], set: { enabled, updatedAt: new Date() } });
}

/** Whether the member wants replies in followed threads as one summary a day. */
export async function getRepliesDaily({ actor }: { actor: CurrentUser }): Promise<boolean> {
  const [row] = await db
    .select({ enabled: mailPreferences.enabled })
    .from(mailPreferences)
    .where(and(eq(mailPreferences.userId, actor.id), eq(mailPreferences.kind, REPLIES_DAILY)))
    .limit(1);
  return row?.enabled ?? false;
}

/** Saves the /account form: the kinds given, on or off, and the replies' rhythm when given. */
export async function updateMailPreferences({ actor, enabled, repliesDaily }: { actor: CurrentUser; enabled: Partial<Record<OptionalKind, boolean>>; repliesDaily?: boolean }) {
  await db.transaction(async (tx) => {
    for (const kind of OPTIONAL_KIND_LIST) {
      const value = enabled[kind];
      if (value !== undefined) await setPreference(tx, actor.id, kind, value);
    }
    if (repliesDaily !== undefined) await setPreference(tx, actor.id, REPLIES_DAILY, repliesDaily);
  });
}

/**
 * One-click unsubscribe from a link in an e-mail (no sign-in): switches the kind the signed link
 * names off for the account it names. Returns the kind, or null for a malformed or forged link.
 */
export async function unsubscribe({ token }: { token: string }): Promise<OptionalKind | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  await db.transaction(async (tx) => {
    await tx
      .insert(mailPreferences)
      .values({ userId: target.userId, kind: target.kind, enabled: false })
      .onConflictDoUpdate({ target: [mailPreferences.userId, mailPreferences.kind], set: { enabled: false, updatedAt: new Date() } });
    await recordAudit(tx, { actorId: null, action: 'mail.unsubscribe', targetType: 'user', targetId: target.userId, details: { kind: target.kind } });
  });
  return target.kind;
}
