'use server';

import { revalidatePath } from 'next/cache';
import { validatedActionWithUser } from '@/lib/action';
import { inviteToMeeting } from '@/lib/mail/meetings';
import { inviteSchema } from '@/lib/mail/schema';

export const inviteAction = validatedActionWithUser(inviteSchema, async ({ meetingId, communeIds, emails, note }, { user, formData }) => {
  // zod reads one value per key; the checkboxes send several.
  const chosen = formData.getAll('communeIds').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const result = await inviteToMeeting({ actor: user, meetingId, communeIds: chosen.length ? chosen : communeIds, emails, note });
  revalidatePath('/[site]/calendar/[id]', 'page');
  return result;
});
