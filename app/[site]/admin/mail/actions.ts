'use server';

import { revalidatePath } from 'next/cache';
import { validatedActionWithUser } from '@/lib/action';
import { resendMail } from '@/lib/mail/mutations';
import { resendSchema } from '@/lib/mail/schema';

export const resendMailAction = validatedActionWithUser(resendSchema, async ({ id }, { user }) => {
  await resendMail({ actor: user, id });
  revalidatePath('/[site]/admin/mail', 'page');
});
