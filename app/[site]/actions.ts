'use server';

import { signOut } from '@/lib/auth';
import { endCurrentSession } from '@/lib/auth/sign-in';

export async function signOutAction() {
  // The session's row goes first: the cookie, even if copied elsewhere, no longer works.
  await endCurrentSession();
  await signOut({ redirectTo: '/' });
}
