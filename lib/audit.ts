import 'server-only';
import { auditLog } from '@/db/schema';
import type { Database } from '@/db/client';

export interface AuditEntryInput {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log. Pass the transaction of the change being recorded, so the change and
 * its record commit together or not at all.
 */
export async function recordAudit(tx: Pick<Database, 'insert'>, entry: AuditEntryInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId == null ? null : String(entry.targetId),
    details: entry.details ?? {},
  });
}
