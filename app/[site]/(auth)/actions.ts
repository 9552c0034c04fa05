'use server';

import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/action';
import { registerUser } from '@/lib/auth/mutations';
import { requestPasswordReset, resetPassword } from '@/lib/auth/recovery';
import { forgotPasswordSchema, resetPasswordSchema, safeCallbackUrl, secondStepSchema, signInSchema, signUpSchema } from '@/lib/auth/schema';
import { signInWithCode, signInWithPassword } from '@/lib/auth/sign-in';
import { clientAddress } from '@/lib/request';

export const signInAction = validatedAction(signInSchema, async ({ email, password, callbackUrl }) => {
  const next = await signInWithPassword(email, password);
  if (next === 'code') redirect(`/sign-in/code?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackUrl))}`);
  if (next === 'enrol') redirect('/account/two-factor');
  redirect(safeCallbackUrl(callbackUrl));
});

export const secondStepAction = validatedAction(secondStepSchema, async ({ code, callbackUrl }) => {
  await signInWithCode(code);
  redirect(safeCallbackUrl(callbackUrl));
});

// The same page follows for a new and a registered address: the e-mail tells them apart.
export const signUpAction = validatedAction(signUpSchema, async ({ name, email, password }) => {
  await registerUser({ name, email, password, locale: await getLocale() });
  redirect('/sign-up/sent');
});

export const forgotPasswordAction = validatedAction(forgotPasswordSchema, async ({ email }) => {
  await requestPasswordReset({ email, clientAddress: clientAddress(await headers()) });
  redirect('/forgot-password/sent');
});

export const resetPasswordAction = validatedAction(resetPasswordSchema, async ({ token, password }) => {
  await resetPassword({ token, password });
  redirect('/sign-in?passwordReset=1');
});
