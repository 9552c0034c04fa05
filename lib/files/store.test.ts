import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskStore } from './disk-store';
import { S3Store } from './s3-store';
import type { FileStore } from './store';

// The same contract for both stores. The S3 one talks HTTP to a local S3-compatible server:
// s3rver (an S3 emulator in Node) on a loopback port — no S3 server proper (MinIO, Ceph, Garage)
// can be installed from this machine's package sources, and the emulator speaks the same REST
// API, signatures included, through AWS's own client.

async function bytesOf(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const work = mkdtempSync(join(tmpdir(), 'agora-store-'));
let server: S3rver;
let s3: S3Store;

beforeAll(async () => {
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(work, 's3rver'), configureBuckets: [{ name: 'agora-test', configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  s3 = new S3Store({
    bucket: 'agora-test',
    region: 'eu-central-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    prefix: 'jaslo/',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});

afterAll(async () => {
  s3?.s3.destroy();
  await server?.close();
});

function contract(name: string, make: () => FileStore) {
  describe(`${name} store`, () => {
    it('keeps, returns and forgets a file under its key', async () => {
      const store = make();
      const source = join(mkdtempSync(join(work, 'src-')), 'upload.part');
      const bytes = Buffer.from('%PDF-1.7\n' + 'ż'.repeat(100_000));
      writeFileSync(source, bytes);
      await store.put('2026/11/0b7c2d52-1f0e-4f57-9f0a-3c1d6f1d2a10', source, { size: bytes.length, contentType: 'application/pdf' });
      expect(await bytesOf(await store.get('2026/11/0b7c2d52-1f0e-4f57-9f0a-3c1d6f1d2a10'))).toEqual(bytes);
      await store.delete('2026/11/0b7c2d52-1f0e-4f57-9f0a-3c1d6f1d2a10');
      expect(await store.get('2026/11/0b7c2d52-1f0e-4f57-9f0a-3c1d6f1d2a10')).toBeNull();
      // Forgetting what is not there is not an error.
      await store.delete('2026/11/0b7c2d52-1f0e-4f57-9f0a-3c1d6f1d2a10');
    });

    it('answers null for a key it never kept', async () => {
      expect(await make().get('2026/01/nothing-here')).toBeNull();
    });

    it('takes only the keys the app makes: no traversal, no names', async () => {
      const store = make();
      for (const key of ['../outside', '2026/../../etc/passwd', '/absolute', 'Raport.pdf', '2026//x', '']) {
        await expect(store.get(key), key).rejects.toThrow(/bad store key/);
      }
    });
  });
}

contract('disk', () => new DiskStore(join(work, 'disk')));
contract('S3', () => s3);

describe('the disk store', () => {
  it('lays files out under objects/, by key', async () => {
    const store: FileStore = new DiskStore(join(work, 'laid'));
    const source = join(mkdtempSync(join(work, 'src-')), 'a.part');
    writeFileSync(source, 'x');
    await store.put('2026/12/abc', source, { size: 1, contentType: 'text/csv' });
    expect(readdirSync(join(work, 'laid', 'objects', '2026', '12'))).toEqual(['abc']);
    // The staging copy was moved, not copied.
    expect(readdirSync(join(source, '..'))).toEqual([]);
  });
});

describe('the S3 store', () => {
  it('keeps objects under the deployment prefix, private, with their type', async () => {
    const source = join(mkdtempSync(join(work, 'src-')), 'b.part');
    writeFileSync(source, 'gmina;liczba\n');
    await s3.put('2026/12/csv-key', source, { size: 13, contentType: 'text/csv' });
    const { GetObjectCommand, GetObjectAclCommand } = await import('@aws-sdk/client-s3');
    const object = await s3.s3.send(new GetObjectCommand({ Bucket: 'agora-test', Key: 'jaslo/2026/12/csv-key' }));
    expect(object.ContentType).toBe('text/csv');
    expect(await object.Body!.transformToString()).toBe('gmina;liczba\n');
    const acl = await s3.s3.send(new GetObjectAclCommand({ Bucket: 'agora-test', Key: 'jaslo/2026/12/csv-key' })).catch(() => null);
    if (acl) expect(acl.Grants?.some((g) => g.Grantee?.URI?.includes('AllUsers'))).toBeFalsy();
  });
});
