import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './password';
import { changePasswordSchema, signUpSchema } from './schema';

describe('signUpSchema', () => {
  const valid = { name: 'Anna Nowak', email: ' Anna@Example.PL ', password: 'zielony rower', consent: 'on' };

  it('normalises the e-mail and accepts a good registration', () => {
    expect(signUpSchema.parse(valid).email).toBe('anna@example.pl');
  });

  it('refuses passwords outside 8–128 characters, a missing consent and a bad e-mail, with message keys', () => {
    const issues = (input: object) => signUpSchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => i.message);
    expect(issues({ password: 'short' })).toEqual(['password_too_short']);
    expect(issues({ password: 'x'.repeat(129) })).toEqual(['password_too_long']);
    expect(signUpSchema.safeParse({ ...valid, password: 'x'.repeat(128) }).success).toBe(true);
    expect(issues({ consent: undefined })).toEqual(['consent_required']);
    expect(issues({ email: 'anna@' })).toEqual(['email_invalid']);
  });
});

describe('changePasswordSchema', () => {
  it('needs the confirmation to match', () => {
    const result = changePasswordSchema.safeParse({ currentPassword: 'a', newPassword: 'nowe haslo 1', confirmPassword: 'nowe haslo 2' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['confirmPassword'], message: 'password_mismatch' });
  });
});

describe('isCommonPassword', () => {
  it('knows the usual suspects in any case, Polish ones too, and lets a passphrase through', () => {
    for (const p of ['password', '12345678', 'QWERTY123', 'zaq12wsx', 'haslo123', 'Kochanie1']) expect(isCommonPassword(p), p).toBe(true);
    expect(isCommonPassword('zielony rower nad Wisłoką')).toBe(false);
  });
});
