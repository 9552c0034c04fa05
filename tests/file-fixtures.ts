import { Readable } from 'node:stream';
import CFB from 'cfb';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';

// Small real files of every allowed kind, made on the spot, for the upload tests (vitest and
// Playwright): the bytes each format's readers look at are the real ones — a PDF written by
// pdf-lib, Office Open XML and OpenDocument zips with their [Content_Types].xml or `mimetype`
// entry, compound files with Word's or Excel's stream — without shipping binary fixtures.

/** A PDF of `pages` pages, each with a line of Polish text. */
export async function pdfBytes(pages = 3, title = 'Model usług'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) pdf.addPage([595, 842]).drawText(`${title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l')} ${i}`, { x: 50, y: 780, size: 18, font });
  return pdf.save({ useObjectStreams: true });
}

const OOXML_MAIN: Record<'docx' | 'xlsx' | 'pptx', { part: string; type: string }> = {
  docx: { part: 'word/document.xml', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' },
  xlsx: { part: 'xl/workbook.xml', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
  pptx: { part: 'ppt/presentation.xml', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml' },
};

/** An Office Open XML package: [Content_Types].xml naming its main part, and that part. */
export function ooxmlBytes(kind: 'docx' | 'xlsx' | 'pptx'): Uint8Array {
  const { part, type } = OOXML_MAIN[kind];
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`,
    ),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
    [part]: strToU8('<?xml version="1.0" encoding="UTF-8"?><root/>'),
  };
  return zipSync(files);
}

const ODF_TYPES = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
} as const;

/** An OpenDocument package: the uncompressed `mimetype` entry first, as the standard requires. */
export function odfBytes(kind: keyof typeof ODF_TYPES): Uint8Array {
  return zipSync({
    mimetype: [strToU8(ODF_TYPES[kind]), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
  });
}

/** A plain zip that is no office document. */
export function zipBytes(): Uint8Array {
  return zipSync({ 'notatki.txt': strToU8('zwykłe archiwum') });
}

/** A compound file holding the given streams ("WordDocument" for Word 97–2003, "Workbook" for Excel). */
export function compoundFileBytes(streams: string[]): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const name of streams) CFB.utils.cfb_add(container, `/${name}`, Buffer.from(`${name} `.repeat(200)));
  return CFB.write(container, { type: 'buffer' }) as Uint8Array;
}

/** The smallest valid images: a 1×1 PNG, JPEG and WebP. */
export const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const JPEG_1x1 = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
export const WEBP_1x1 = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/** An HTML page — what a forged "report.pdf" really is. */
export const HTML_PAGE = Buffer.from('<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script>Raport</body></html>\n');

/** A CSV in UTF-8 with Polish letters. */
export const CSV_UTF8 = Buffer.from('gmina;liczba mieszkańców\nDębowiec;8 700\nKołaczyce;6 300\n');

/** `bytes` zero bytes, produced as they are read (never held whole), counting how many were read. */
export function zeros(bytes: number, chunk = 1024 * 1024): { stream: Readable; read: () => number } {
  let sent = 0;
  const block = Buffer.alloc(chunk);
  const stream = new Readable({
    read() {
      if (sent >= bytes) return void this.push(null);
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      this.push(n === chunk ? block : block.subarray(0, n));
    },
  });
  return { stream, read: () => sent };
}
