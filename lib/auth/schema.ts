import * as z from 'zod';
import { safeRedirectPath } from '@/lib/safe-redirect';

// Safe to import in the browser: react-hook-form and the server actions share these schemas.
// Messages are keys in the "errors" namespace of the message catalogue.

export const email = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(254, 'email_invalid')
  .pipe(z.email({ error: 'email_invalid' }))
  .transform((value) => value.toLowerCase());

export const newPassword = z
  .string({ error: 'required' })
  .min(8, 'password_too_short')
  .max(128, 'password_too_long');

export const signInSchema = z.object({
  email,
  // No length rules here: a sign-in must not reveal the password policy of an account.
  password: z.string({ error: 'required' }).min(1, 'required').max(1024, 'password_too_long'),
  callbackUrl: z.string().max(2000).optional(),
});

export const signUpSchema = z.object({
  name: z.string({ error: 'required' }).trim().min(2, 'name_too_short').max(120, 'name_too_long'),
  email,
  password: newPassword,
  consent: z.literal('on', { error: 'consent_required' }),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'required' }).min(1, 'required').max(1024, 'password_too_long'),
    newPassword,
    confirmPassword: z.string({ error: 'required' }).min(1, 'required'),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'password_mismatch' });

export const deleteAccountSchema = z.object({
  currentPassword: z.string({ error: 'required' }).min(1, 'required').max(1024, 'password_too_long'),
  confirm: z.literal('on', { error: 'delete_confirm_required' }),
});

/** A code from the authenticator app (six digits) or a recovery code (xxxxx-xxxxx). */
const secondFactorCode = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(40, 'code_wrong')
  .regex(/^(?:\d{3} ?\d{3}|[a-z0-9]{5}[- ]?[a-z0-9]{5})$/i, 'code_format');

export const secondStepSchema = z.object({
  code: secondFactorCode,
  callbackUrl: z.string().max(2000).optional(),
});

export const enrolSecondFactorSchema = z.object({
  code: z.string({ error: 'required' }).trim().min(1, 'required').regex(/^\d{3} ?\d{3}$/, 'code_format'),
});

export const endSessionSchema = z.object({ id: z.uuid({ error: 'invalid' }) });

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Only same-site paths may be used as the page to return to after signing in (lib/safe-redirect). */
export function safeCallbackUrl(value: string | null | undefined): string {
  return safeRedirectPath(value);
}

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: 'required' }).min(1, 'required').max(200, 'invalid'),
    password: newPassword,
    confirmPassword: z.string({ error: 'required' }).min(1, 'required'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'password_mismatch' });

export const changeEmailSchema = z.object({
  newEmail: email,
  currentPassword: z.string({ error: 'required' }).min(1, 'required').max(1024, 'password_too_long'),
});
