import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/env';

// TOTP keys are stored encrypted with AES-256-GCM under a key derived from AUTH_SECRET (HKDF), so
// a copy of the database (a backup, a dump) alone does not give the codes away. Rotating
// AUTH_SECRET therefore means every second factor must be enrolled again (an administrator resets
// it in /admin/users).

function encryptionKey(): Buffer {
  return Buffer.from(hkdfSync('sha256', getEnv().AUTH_SECRET, 'agora', 'totp-secret-v1', 32));
}

/** Encrypts a TOTP key for storage: "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function encryptSecret(key: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptSecret(stored: string): Uint8Array {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]));
}
