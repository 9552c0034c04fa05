import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  compoundFileBytes,
  CSV_UTF8,
  HTML_PAGE,
  JPEG_1x1,
  odfBytes,
  ooxmlBytes,
  pdfBytes,
  PNG_1x1,
  WEBP_1x1,
  zeros,
  zipBytes,
} from '@/tests/file-fixtures';
import { DiskStore } from './disk-store';
import { setFileStoreForTests } from './store';
import { receiveFile } from './upload';

// Each file gets its own folder (FILES_DIR is read once, lazily, by lib/env).
const folder = mkdtempSync(join(tmpdir(), 'agora-files-'));
process.env.FILES_DIR = folder;
process.env.FILES_MAX_MB = '2';
let store: DiskStore;

beforeEach(() => {
  store = new DiskStore(folder);
  setFileStoreForTests(store);
});
afterEach(() => setFileStoreForTests(undefined));

const streamOf = (bytes: Uint8Array) => Readable.from([Buffer.from(bytes)]);
const staged = () => readdirSync(join(folder, 'incoming'));

async function refusal(name: string, bytes: Uint8Array | Readable): Promise<AppError> {
  const error = await receiveFile({ name, stream: bytes instanceof Readable ? bytes : streamOf(bytes) }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('receiving a file', () => {
  it('keeps each allowed kind, recognised by its content, under a key of its own', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['model.pdf', await pdfBytes(3), 'application/pdf'],
      ['raport.docx', ooxmlBytes('docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['tabela.xlsx', ooxmlBytes('xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['slajdy.pptx', ooxmlBytes('pptx'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['tekst.odt', odfBytes('odt'), 'application/vnd.oasis.opendocument.text'],
      ['arkusz.ods', odfBytes('ods'), 'application/vnd.oasis.opendocument.spreadsheet'],
      ['prezentacja.odp', odfBytes('odp'), 'application/vnd.oasis.opendocument.presentation'],
      ['stary.doc', compoundFileBytes(['WordDocument', '1Table']), 'application/msword'],
      ['stary.xls', compoundFileBytes(['Workbook']), 'application/vnd.ms-excel'],
      ['mapa.png', PNG_1x1, 'image/png'],
      ['zdjecie.jpeg', JPEG_1x1, 'image/jpeg'],
      ['zdjecie.webp', WEBP_1x1, 'image/webp'],
      ['dane.csv', CSV_UTF8, 'text/csv'],
    ];
    for (const [name, bytes, mime] of cases) {
      const file = await receiveFile({ name, stream: streamOf(bytes) });
      expect(file.contentType, name).toBe(mime);
      expect(file.name).toBe(name);
      expect(file.size).toBe(bytes.length);
      expect(file.key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(readFileSync(store.locate(file.key))).toEqual(Buffer.from(bytes));
    }
    expect(staged()).toEqual([]);
  });

  it('counts the pages of a PDF, also when they sit in compressed object streams', async () => {
    const file = await receiveFile({ name: 'Model usług transportowych.pdf', stream: streamOf(await pdfBytes(7)) });
    expect(file.pageCount).toBe(7);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a name without an extension the one of its type, and keeps the name otherwise clean', async () => {
    expect((await receiveFile({ name: 'protokół', stream: streamOf(await pdfBytes(1)) })).name).toBe('protokół.pdf');
    expect((await receiveFile({ name: ' ..Sprawozdanie\u202e\u0007 „końcowe”: wersja?.pdf ', stream: streamOf(await pdfBytes(1)) })).name).toBe('Sprawozdanie „końcowe”_ wersja_.pdf');
  });

  it('refuses an HTML page named .pdf or .csv: the content decides, not the name', async () => {
    expect((await refusal('raport.pdf', HTML_PAGE)).fieldErrors).toEqual({ file: ['file_type_not_allowed'] });
    expect((await refusal('dane.csv', HTML_PAGE)).fieldErrors).toEqual({ file: ['file_type_not_allowed'] });
    expect((await refusal('svg.png', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'))).fieldErrors).toEqual({ file: ['file_type_not_allowed'] });
  });

  it('refuses other kinds: a plain zip, a compound file that is no Word or Excel file, binary data', async () => {
    expect((await refusal('archiwum.docx', zipBytes())).fieldErrors).toEqual({ file: ['file_type_not_allowed'] });
    expect((await refusal('wiadomosc.doc', compoundFileBytes(['__substg1.0_0037001F']))).fieldErrors).toEqual({ file: ['file_type_not_allowed'] });
    expect((await refusal('program.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]))).fieldErrors).toEqual({ file: ['file_type_not_allowed'] });
  });

  it('refuses a real file whose name claims another type', async () => {
    const error = await refusal('raport.pdf', PNG_1x1);
    expect(error.fieldErrors).toEqual({ file: ['file_type_mismatch'] });
  });

  it('refuses a path for a name before reading anything', async () => {
    for (const name of ['../../etc/passwd.pdf', '..\\..\\boot.ini', 'a/b.pdf', '..', '\u0000.pdf']) {
      const { stream, read } = zeros(1024 * 1024);
      expect((await refusal(name, stream)).fieldErrors, name).toEqual({ file: ['file_name_invalid'] });
      expect(read()).toBe(0);
    }
  });

  it('refuses an empty file', async () => {
    expect((await refusal('pusty.pdf', new Uint8Array())).fieldErrors).toEqual({ file: ['file_empty'] });
  });

  it('stops a file past the size limit while it streams (413), without reading on or keeping anything', async () => {
    const { stream, read } = zeros(200 * 1024 * 1024, 64 * 1024);
    const error = await refusal('duzy.pdf', stream);
    expect(error.status).toBe(413);
    expect(error.fieldErrors).toEqual({ file: ['file_too_large'] });
    // 2 MB is the limit here: the reading stopped within a few chunks of it, not at 200 MB.
    expect(read()).toBeLessThan(3 * 1024 * 1024);
    expect(staged()).toEqual([]);
  });

  it('a file of exactly the limit is taken', async () => {
    const pdf = Buffer.from(await pdfBytes(1));
    const padded = Buffer.concat([pdf, Buffer.from(`\n%${'x'.repeat(2 * 1024 * 1024 - pdf.length - 3)}\n`)]);
    expect(padded.length).toBe(2 * 1024 * 1024);
    const file = await receiveFile({ name: 'graniczny.pdf', stream: streamOf(padded) });
    expect(file.size).toBe(2 * 1024 * 1024);
  });
});
