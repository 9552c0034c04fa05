import 'server-only';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import type { FileTypeName } from './types';

// What a file IS, read from its bytes: the magic numbers of PDF and the images, the inner
// [Content_Types].xml of Office Open XML and the `mimetype` entry of OpenDocument zips (both read
// by the file-type package), the stream names inside an old Office compound file (read here),
// and for CSV — plain text has no magic number — text without control characters or markup.
// A name says nothing here: an HTML page named "raport.pdf" is HTML.

/** file-type's answers that are allowed as they are. */
const DIRECT: Record<string, FileTypeName> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  odp: 'odp',
  png: 'png',
  jpg: 'jpeg',
  webp: 'webp',
};

/** The allowed type of the file at `path`, or null when its content is none of them. */
export async function detectFileType(path: string): Promise<FileTypeName | null> {
  const found = await fileTypeFromFile(path);
  if (found) {
    if (found.ext in DIRECT) return DIRECT[found.ext]!;
    if (found.ext === 'cfb') return compoundFileType(path);
    return null;
  }
  return (await isPlainTextTable(path)) ? 'csv' : null;
}

/**
 * A Microsoft compound file (Word 97–2003, Excel 97–2003, but also Outlook messages, installers,
 * encrypted OOXML…) is a small file system; what it holds is named by its streams: Word keeps its
 * text in "WordDocument", Excel in "Workbook" (BIFF8) or "Book" (BIFF5). Anything else is refused.
 */
async function compoundFileType(path: string): Promise<FileTypeName | null> {
  const names = await compoundFileStreamNames(path).catch(() => new Set<string>());
  if (names.has('WordDocument')) return 'doc';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  return null;
}

const FREE_OR_END = 0xfffffffa; // sector numbers from here up are markers, not sectors (MS-CFB 2.1)

/** The names of the streams in a compound file's directory (MS-CFB), read sector by sector. */
export async function compoundFileStreamNames(path: string): Promise<Set<string>> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(512);
    await file.read(header, 0, 512, 0);
    const shift = header.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) return new Set();
    const sectorSize = 1 << shift;
    const sectors = Math.ceil(size / sectorSize);
    const readSector = async (n: number) => {
      const buffer = Buffer.alloc(sectorSize);
      await file.read(buffer, 0, sectorSize, (n + 1) * sectorSize);
      return buffer;
    };

    // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
    const fatCount = header.readUInt32LE(0x2c);
    const fat: number[] = [];
    for (let i = 0; i < 109 && fat.length < fatCount; i++) {
      const n = header.readUInt32LE(0x4c + 4 * i);
      if (n >= FREE_OR_END) break;
      fat.push(n);
    }
    for (let next = header.readUInt32LE(0x44), hops = 0; fat.length < fatCount && next < FREE_OR_END && hops < sectors; hops++) {
      const block = await readSector(next);
      for (let i = 0; i < sectorSize / 4 - 1 && fat.length < fatCount; i++) {
        const n = block.readUInt32LE(4 * i);
        if (n < FREE_OR_END) fat.push(n);
      }
      next = block.readUInt32LE(sectorSize - 4);
    }
    const perFatSector = sectorSize / 4;
    const fatCache = new Map<number, Buffer>();
    const nextSector = async (n: number) => {
      const index = Math.floor(n / perFatSector);
      if (index >= fat.length) return FREE_OR_END;
      let block = fatCache.get(index);
      if (!block) fatCache.set(index, (block = await readSector(fat[index]!)));
      return block.readUInt32LE((n % perFatSector) * 4);
    };

    // The directory: a chain of sectors of 128-byte entries; type 2 is a stream.
    const names = new Set<string>();
    for (let n = header.readUInt32LE(0x30), hops = 0; n < FREE_OR_END && n < sectors && hops < sectors; hops++) {
      const block = await readSector(n);
      for (let offset = 0; offset + 128 <= sectorSize; offset += 128) {
        const nameBytes = block.readUInt16LE(offset + 0x40);
        if (nameBytes < 2 || nameBytes > 64 || block[offset + 0x42] !== 2) continue;
        names.add(block.toString('utf16le', offset, offset + nameBytes - 2));
      }
      n = await nextSector(n);
    }
    return names;
  } finally {
    await file.close();
  }
}

/**
 * CSV has no signature, so text is accepted as a table when it reads as text: no NUL or other
 * control characters but tab, line breaks and form feed (UTF-8 or a one-byte code page such as
 * Windows-1250 both pass; UTF-16 does not), and it does not open with markup — an HTML or SVG
 * page is refused even when named ".csv".
 */
async function isPlainTextTable(path: string): Promise<boolean> {
  let start = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    if (start) {
      const text = chunk.subarray(0, 1024).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
      if (/^<[!?a-z/]/i.test(text)) return false;
      start = false;
    }
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
      if (byte === 0x7f) return false;
    }
  }
  return true;
}
