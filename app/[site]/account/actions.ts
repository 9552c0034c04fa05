'use server';

import { revalidatePath } from 'next/cache';
import { forgetKeptForum } from '@/app/_http/kept-pages';
import { redirect } from 'next/navigation';
import * as z from 'zod';
import { validatedActionWithUser } from '@/lib/action';
import { getCurrentSessionId, signOut } from '@/lib/auth';
import { changePassword, deleteAccount, signOutEverywhere } from '@/lib/auth/mutations';
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, endSessionSchema, enrolSecondFactorSchema } from '@/lib/auth/schema';
import { requestEmailChange } from '@/lib/auth/email-change';
import { renewSession } from '@/lib/auth/sign-in';
import { confirmEnrolment } from '@/lib/auth/two-factor';
import { endSession } from '@/lib/auth/sessions';
import { OPTIONAL_KIND_LIST, type OptionalKind } from '@/lib/mail/kinds';
import { updateMailPreferences } from '@/lib/mail/preferences';
import { mailPreferencesSchema } from '@/lib/mail/schema';

export const changePasswordAction = validatedActionWithUser(changePasswordSchema, async (input, { user }) => {
  await changePassword({ actor: user, currentPassword: input.currentPassword, newPassword: input.newPassword });
  // Every session ended with the old version; this device gets a fresh one.
  await renewSession({ userId: user.id, oldSessionId: await getCurrentSessionId() });
  // A fresh request, so the page reads the new session cookie.
  redirect('/account?passwordChanged=1');
});

export const signOutEverywhereAction = validatedActionWithUser(z.object({}), async (_input, { user }) => {
  await signOutEverywhere({ actor: user });
  await signOut({ redirectTo: '/sign-in' });
});

export const deleteAccountAction = validatedActionWithUser(deleteAccountSchema, async (input, { user }) => {
  await deleteAccount({ actor: user, currentPassword: input.currentPassword });
  // Their posts name them on the forum's kept pages: those go now, not when they expire.
  forgetKeptForum();
  await signOut({ redirectTo: '/?accountDeleted=1' });
});

export const mailPreferencesAction = validatedActionWithUser(mailPreferencesSchema, async (input, { user }) => {
  const enabled = Object.fromEntries(OPTIONAL_KIND_LIST.map((kind) => [kind, input[kind] === 'on'])) as Record<OptionalKind, boolean>;
  await updateMailPreferences({ actor: user, enabled, repliesDaily: input.repliesMode === 'daily' });
  revalidatePath('/[site]/account', 'page');
});

/** Confirms the authenticator app; answers the recovery codes (shown this once). */
export const enrolSecondFactorAction = validatedActionWithUser(
  enrolSecondFactorSchema,
  async (input, { user }) => {
    const codes = await confirmEnrolment({ actor: user, code: input.code.replace(/\s+/g, '') });
    // A fresh session: one opened before enrolment is marked "enrol only" in its token.
    await renewSession({ userId: user.id, oldSessionId: await getCurrentSessionId() });
    return { codes };
  },
  { beforeSecondFactor: true },
);

export const endSessionAction = validatedActionWithUser(endSessionSchema, async (input, { user }) => {
  await endSession({ actor: user, id: input.id });
  revalidatePath('/[site]/account', 'page');
});

export const changeEmailAction = validatedActionWithUser(changeEmailSchema, async ({ newEmail, currentPassword }, { user }) => {
  await requestEmailChange({ actor: user, newEmail, currentPassword });
});
