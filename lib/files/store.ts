import 'server-only';
import type { Readable } from 'node:stream';
import { getEnv } from '@/lib/env';
import { DiskStore } from './disk-store';
import { S3Store } from './s3-store';

/**
 * Where the bytes of documents and attachments are kept; what they are (name, type, size, who may
 * read them) is in PostgreSQL. One interface, two stores: a folder on the server's disk (the
 * default, FILES_DIR) or an S3-compatible bucket (FILES_STORE=s3), which several app servers can
 * share. Keys are made by the app (lib/files/upload.ts), never from a name a user gave.
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  /** Keeps the checked file at `sourcePath` (in the staging folder) under `key`. */
  put(key: string, sourcePath: string, meta: { size: number; contentType: string }): Promise<void>;
  /** The bytes kept under `key`, or null when there are none. */
  get(key: string): Promise<Readable | null>;
  /** Forgets `key`; nothing kept under it is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are ours: lower-case letters, digits, hyphens, and slashes between them. */
export const STORE_KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

let store: FileStore | undefined;

/** The store the settings name (one per process). */
export function getFileStore(): FileStore {
  if (store) return store;
  const env = getEnv();
  store =
    env.FILES_STORE === 's3'
      ? new S3Store({
          bucket: env.S3_BUCKET!,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: env.S3_FORCE_PATH_STYLE === undefined ? Boolean(env.S3_ENDPOINT) : env.S3_FORCE_PATH_STYLE === '1',
          prefix: env.S3_PREFIX,
          credentials: env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY! } : undefined,
        })
      : new DiskStore(env.FILES_DIR);
  return store;
}

/** Tests point the app at another store (a fresh folder, a local S3 server). */
export function setFileStoreForTests(next: FileStore | undefined) {
  store = next;
}
