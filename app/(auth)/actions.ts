'use server';

import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/action';
import { registerUser } from '@/lib/auth/mutations';
import { safeCallbackUrl, signInSchema, signUpSchema } from '@/lib/auth/schema';
import { signInWithPassword } from '@/lib/auth/sign-in';

export const signInAction = validatedAction(signInSchema, async ({ email, password, callbackUrl }) => {
  await signInWithPassword(email, password);
  redirect(safeCallbackUrl(callbackUrl));
});

export const signUpAction = validatedAction(signUpSchema, async ({ name, email, password }) => {
  await registerUser({ name, email, password });
  await signInWithPassword(email, password);
  redirect('/account?welcome=1');
});
