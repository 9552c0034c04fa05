import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP's minimum for argon2id: m = 19 MiB, t = 2, p = 1. Algorithm 2 is Argon2id (a const enum
// in the package's types, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verified against when the e-mail is unknown, so that an unknown account takes as long as a
// wrong password and the response time does not reveal which e-mails are registered.
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash, or against a dummy hash when there is none. */
export async function verifyPassword(password: string, storedHash: string | null | undefined): Promise<boolean> {
  dummyHash ??= hashPassword('agora-dummy-password-for-timing');
  const target = storedHash ?? (await dummyHash);
  try {
    const ok = await verify(target, password);
    return ok && Boolean(storedHash);
  } catch {
    return false;
  }
}

// Common Polish choices that the (English-leaning) list below lacks.
const polishCommon = [
  'haslo123', 'haslo1234', 'hasło123', 'polska123', 'polska12', 'kochanie', 'kochanie1', 'zaq12wsx',
  'qwerty123', 'misiaczek', 'slonecznik', 'agnieszka', 'kasia123', 'marcin123', 'mateusz1', 'jaslo123',
  'agora123', 'powiat123', 'gmina123', 'jasielska',
];

let common: Set<string> | undefined;

/** True when the password is among ~50,000 most common ones (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set([...(dictionary['passwords-common'] as string[]), ...polishCommon]);
  return common.has(password.toLowerCase());
}
