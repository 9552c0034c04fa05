import 'server-only';
import { eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import { ensure, isAdmin, type CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/db/client';
import { forumSettings } from '@/db/schema';

export interface ForumSettings {
  localityQuota: number;
  organisationQuota: number;
  autoHideReports: number;
  postsPerWindow: number;
  postWindowSeconds: number;
}

/** The defaults of a new deployment (the seed writes them; a missing row means them too). */
export const DEFAULT_FORUM_SETTINGS: ForumSettings = {
  localityQuota: 5,
  organisationQuota: 5,
  autoHideReports: 3,
  postsPerWindow: 10,
  postWindowSeconds: 300,
};

/** The deployment's forum settings (quotas, report threshold, posting limit). */
export async function getForumSettings(): Promise<ForumSettings> {
  const [row] = await db.select().from(forumSettings).where(eq(forumSettings.id, 1)).limit(1);
  if (!row) return DEFAULT_FORUM_SETTINGS;
  return {
    localityQuota: row.localityQuota,
    organisationQuota: row.organisationQuota,
    autoHideReports: row.autoHideReports,
    postsPerWindow: row.postsPerWindow,
    postWindowSeconds: row.postWindowSeconds,
  };
}

/** Writes the settings row (seed, tests, administration). */
export async function saveForumSettings(settings: Partial<ForumSettings>): Promise<void> {
  await db
    .insert(forumSettings)
    .values({ id: 1, ...DEFAULT_FORUM_SETTINGS, ...settings })
    .onConflictDoUpdate({ target: forumSettings.id, set: { ...settings, updatedAt: new Date() } });
}

/** An administrator changes the deployment's forum settings (audited with the old and new values). */
export async function updateForumSettings({ actor, settings }: { actor: CurrentUser; settings: ForumSettings }) {
  ensure(isAdmin(actor));
  const before = await getForumSettings();
  await db.transaction(async (tx) => {
    await tx
      .insert(forumSettings)
      .values({ id: 1, ...settings })
      .onConflictDoUpdate({ target: forumSettings.id, set: { ...settings, updatedAt: new Date() } });
    await recordAudit(tx, { actorId: actor.id, action: 'forum.settings', targetType: 'forum_settings', targetId: 1, details: { before, after: settings } });
  });
}
