import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getEnv } from '@/lib/env';
import { AppError, fieldError } from '@/lib/errors';
import { detectFileType } from './detect';
import { fileExtension, MAX_FILE_NAME_LENGTH, sanitiseFileName } from './names';
import { countPdfPages } from './pdf';
import { getFileStore } from './store';
import { FILE_TYPES, MB, type FileTypeName } from './types';

/** A file received, checked and kept in the store, ready to be recorded in the database. */
export interface ReceivedFile {
  key: string;
  /** The sanitised name, its extension the one of its type. */
  name: string;
  type: FileTypeName;
  contentType: string;
  size: number;
  sha256: string;
  /** PDFs only (null when it could not be told). */
  pageCount: number | null;
}

/** The size limit in bytes (FILES_MAX_MB). */
export function maxFileBytes(): number {
  return getEnv().FILES_MAX_MB * MB;
}

/** Where uploads wait while they are checked: beside the disk store, never under public/. */
function stagingFolder(): string {
  return resolve(getEnv().FILES_DIR, 'incoming');
}

/**
 * The name a file will be kept under, checked before a byte of it is read: a path
 * ("../../etc/passwd") or a name with nothing left once cleaned is refused at the field.
 */
export function checkedFileName(raw: string, field = 'file'): string {
  const name = sanitiseFileName(raw);
  if (name === null) throw fieldError(field, 'file_name_invalid');
  return name;
}

/** Counts and hashes the bytes passing through, and stops them at the size limit. */
function meter(limit: number) {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(fieldError('file', 'file_too_large', 'too_large'));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest('hex') }) };
}

/**
 * Receives one uploaded file: streams it to the staging folder (refused as soon as it passes the
 * size limit — it is never held in memory), recognises its type by its content, checks that the
 * name's extension agrees (a name without one gets its type's), counts a PDF's pages, and keeps it
 * in the store under a new key. Throws a field error for `file` otherwise; whatever happens, the
 * staging copy is gone when this returns. The caller records the file in the database and calls
 * discardStoredFile(key) if that fails, so a refused upload leaves nothing behind.
 */
export async function receiveFile({ name: rawName, stream }: { name: string; stream: Readable }): Promise<ReceivedFile> {
  let name = checkedFileName(rawName);
  const folder = stagingFolder();
  await mkdir(folder, { recursive: true });
  const staged = join(folder, `${randomUUID()}.part`);
  try {
    const { transform, result } = meter(maxFileBytes());
    await pipeline(stream, transform, createWriteStream(staged, { flags: 'wx' }));
    const { size, sha256 } = result();
    if (size === 0) throw fieldError('file', 'file_empty');

    const type = await detectFileType(staged);
    if (!type) throw fieldError('file', 'file_type_not_allowed');
    const extension = fileExtension(name);
    const allowed: readonly string[] = FILE_TYPES[type].extensions;
    if (extension === '') name = `${[...name].slice(0, MAX_FILE_NAME_LENGTH - 5).join('')}.${allowed[0]}`;
    else if (!allowed.includes(extension)) throw fieldError('file', 'file_type_mismatch');

    const pageCount = type === 'pdf' ? await countPdfPages(staged, size) : null;
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    const contentType = FILE_TYPES[type].mime;
    await getFileStore().put(key, staged, { size, contentType });
    return { key, name, type, contentType, size, sha256, pageCount };
  } catch (error) {
    // The stream broke off (the browser went away): nothing to answer, nothing kept.
    if (!(error instanceof AppError) && (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') throw new AppError('bad_request:upload_interrupted', { cause: error });
    throw error;
  } finally {
    await rm(staged, { force: true });
  }
}

/** Forgets a kept file whose record could not be written (best effort: logged, never thrown). */
export async function discardStoredFile(key: string): Promise<void> {
  try {
    await getFileStore().delete(key);
  } catch (error) {
    console.error('[files] could not remove an unrecorded file', key, error);
  }
}
