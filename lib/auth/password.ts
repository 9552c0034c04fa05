import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { dictionary as polishDictionary } from '@zxcvbn-ts/language-pl';

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

/** zxcvbn's score (0–4) a new password must reach: 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

// The dictionaries are several megabytes: loaded here, on the server only, once, on first use. The
// browser checks only length (lib/auth/schema.ts); the server gives the field error.
let estimator: ZxcvbnFactory | undefined;

/**
 * How guessable a password is, by zxcvbn-ts with its common and Polish dictionaries (names,
 * surnames, words, Wikipedia) and keyboard layouts: 0 (trivial) to 4.
 */
export function passwordScore(password: string): number {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, ...polishDictionary, agora: ['agora', 'powiat', 'jasielski', 'jaslo', 'gmina', 'konsultacje'] },
    graphs: adjacencyGraphs,
  });
  // Past 256 characters the estimate only gets slower, not lower.
  return estimator.check(password.slice(0, 256)).score;
}

/** Refused as a new password: in the blocklist of common passwords, or scored below MIN_PASSWORD_SCORE. */
export function weakPasswordReason(password: string): 'password_common' | 'password_weak' | null {
  if (isCommonPassword(password)) return 'password_common';
  if (passwordScore(password) < MIN_PASSWORD_SCORE) return 'password_weak';
  return null;
}
