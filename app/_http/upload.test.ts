import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { documents } from '@/db/schema';
import { createDocument } from '@/lib/documents/mutations';
import { AppError } from '@/lib/errors';
import { DiskStore } from '@/lib/files/disk-store';
import { setFileStoreForTests } from '@/lib/files/store';
import { makeUser } from '@/tests/factories';
import { pdfBytes } from '@/tests/file-fixtures';
import { readMultipart } from './upload';

const folder = mkdtempSync(join(tmpdir(), 'agora-upload-route-'));
process.env.FILES_DIR = folder;
process.env.FILES_MAX_MB = '3';
setFileStoreForTests(new DiskStore(folder));

const BOUNDARY = 'agora-test-boundary';
const FIELDS = { title: 'Model usług', kind: 'service_model', communeId: '', serviceAreaId: '', visibility: 'public' };

function head(filename: string): Uint8Array {
  const parts = Object.entries(FIELDS).map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`);
  return new TextEncoder().encode(parts.join(''));
}
const TAIL = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);

/** A multipart request whose file part is `file`, or `zeroBytes` zeros produced as they are pulled. */
function uploadRequest(filename: string, file: Uint8Array | { zeroBytes: number }) {
  let pulled = 0;
  const chunks: Uint8Array[] = [head(filename)];
  const zero = new Uint8Array(64 * 1024);
  let step = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (step === 0) {
        step = 1;
        return controller.enqueue(chunks[0]!);
      }
      if (file instanceof Uint8Array) {
        if (step === 1) {
          step = 2;
          pulled += file.length;
          return controller.enqueue(file);
        }
      } else if (pulled < file.zeroBytes) {
        pulled += zero.length;
        return controller.enqueue(zero);
      }
      controller.enqueue(TAIL);
      controller.close();
    },
  });
  const request = new Request('http://127.0.0.1/api/documents', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, pulled: () => pulled };
}

async function outcome(promise: Promise<unknown>) {
  return promise.then(
    (value) => ({ value, error: null }),
    (error: unknown) => ({ value: null, error: error as AppError }),
  );
}

describe('reading an upload as it arrives', () => {
  it('hands the fields and the file, with its name as sent, in UTF-8', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const pdf = await pdfBytes(2);
    const { request } = uploadRequest('Sprawozdanie z konsultacji – Dębowiec.pdf', pdf);
    const stored = (await readMultipart(request, (fields, file) => createDocument({ actor: coordinator, input: fields, file }))) as { fileName: string; pageCount: number };
    expect(stored).toMatchObject({ fileName: 'Sprawozdanie z konsultacji – Dębowiec.pdf', pageCount: 2 });
  });

  it('a path sent as the file name reaches lib/files whole, and is refused', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const before = (await db.select({ n: count() }).from(documents))[0]!.n;
    for (const name of ['../../etc/passwd.pdf', '..\\..\\boot.pdf', '/etc/model.pdf']) {
      const { request } = uploadRequest(name, await pdfBytes(1));
      const { error } = await outcome(readMultipart(request, (fields, file) => createDocument({ actor: coordinator, input: fields, file })));
      expect(error?.fieldErrors, name).toEqual({ file: ['file_name_invalid'] });
    }
    expect((await db.select({ n: count() }).from(documents))[0]!.n).toBe(before);
  });

  it('a 200 MB file is refused at the limit: the body is not read on, nothing is kept', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const { request, pulled } = uploadRequest('skan.pdf', { zeroBytes: 200 * 1024 * 1024 });
    const { error } = await outcome(readMultipart(request, (fields, file) => createDocument({ actor: coordinator, input: fields, file })));
    expect(error?.status).toBe(413);
    expect(error?.fieldErrors).toEqual({ file: ['file_too_large'] });
    expect(pulled()).toBeLessThan(5 * 1024 * 1024);
    expect(readdirSync(join(folder, 'incoming'))).toEqual([]);
  });

  it('a refusal before the file (no right to publish) reads none of it', async () => {
    const member = await makeUser();
    const { request, pulled } = uploadRequest('model.pdf', { zeroBytes: 50 * 1024 * 1024 });
    const { error } = await outcome(readMultipart(request, (fields, file) => createDocument({ actor: member, input: fields, file })));
    expect(error?.status).toBe(403);
    expect(pulled()).toBeLessThan(1024 * 1024);
  });
});
