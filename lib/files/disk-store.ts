import 'server-only';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { STORE_KEY, type FileStore } from './store';

/**
 * Files in a folder on this server: FILES_DIR/objects/<key>. The folder is the app's own, outside
 * public/, so nothing in it is ever served except through the download route, which checks who
 * is asking. Moves from the staging folder (FILES_DIR/incoming) are renames on the same disk.
 */
export class DiskStore implements FileStore {
  readonly kind = 'disk';
  private readonly root: string;

  constructor(folder: string) {
    this.root = resolve(folder, 'objects');
  }

  private pathOf(key: string): string {
    if (!STORE_KEY.test(key)) throw new Error(`bad store key: ${key}`);
    const path = resolve(this.root, key);
    // The key's pattern already keeps it inside; this says so where the path is made.
    if (!path.startsWith(this.root + sep)) throw new Error(`bad store key: ${key}`);
    return path;
  }

  async put(key: string, sourcePath: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    try {
      await rename(sourcePath, path);
    } catch (error) {
      // Another disk (FILES_DIR on one volume, the staging folder on another): copy, then drop.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await copyFile(sourcePath, path);
      await rm(sourcePath, { force: true });
    }
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Where a key's bytes lie (tests look there). */
  locate(key: string): string {
    return this.pathOf(key);
  }
}
