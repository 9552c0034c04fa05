'use server';

import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { unsubscribe } from '@/lib/mail/preferences';
import { unsubscribeSchema } from '@/lib/mail/schema';

// Open to anyone holding the signed link: no sign-in needed.
export const unsubscribeAction = validatedAction(unsubscribeSchema, async ({ token }) => {
  if (!(await unsubscribe({ token }))) throw new AppError('bad_request:unsubscribe_link');
  redirect(`/unsubscribe?token=${encodeURIComponent(token)}&done=1`);
});
