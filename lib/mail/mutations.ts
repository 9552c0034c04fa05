import 'server-only';
import { db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { canAdminister, ensure, type CurrentUser } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { requeueMail } from './worker';

/** An admin sends a failed message again: back in the queue, due now, tries counted afresh. */
export async function resendMail({ actor, id }: { actor: CurrentUser; id: number }): Promise<void> {
  ensure(canAdminister(actor));
  await db.transaction(async (tx) => {
    if ((await requeueMail(tx, [id])) === 0) throw new AppError('conflict:mail_not_failed');
    await recordAudit(tx, { actorId: actor.id, action: 'mail.resend', targetType: 'mail', targetId: id });
  });
}
