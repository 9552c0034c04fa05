import 'server-only';
import { AuthError } from 'next-auth';
import { AppError } from '@/lib/errors';
import { signIn } from './index';

/**
 * Signs in with e-mail and password from a server action (sets the session cookie) and turns
 * Auth.js failures into our error codes: wrong credentials or too many attempts.
 */
export async function signInWithPassword(email: string, password: string): Promise<void> {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      const code = (error as AuthError & { code?: string }).code;
      if (code === 'rate_limited') throw new AppError('rate_limited:signin');
      if (code === 'unverified') throw new AppError('forbidden:unverified');
      throw new AppError('unauthorized:credentials');
    }
    throw error;
  }
}
