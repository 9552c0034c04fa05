import 'server-only';
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';

/** Larger PDFs are kept without a page count rather than parsed whole in memory. */
const COUNT_PAGES_UP_TO_BYTES = 64 * 1024 * 1024;

/**
 * The number of pages of the PDF at `path`, or null when it cannot be told (too large, damaged).
 * Counting by searching the bytes for "/Type /Page" misses every page kept in a compressed object
 * stream, which most PDFs written since PDF 1.5 use; pdf-lib reads the page tree itself. It parses
 * a batch of objects at a time and yields between batches, so a large file does not stall the
 * server's other requests.
 */
export async function countPdfPages(path: string, size: number): Promise<number | null> {
  if (size > COUNT_PAGES_UP_TO_BYTES) return null;
  try {
    const pdf = await PDFDocument.load(await readFile(path), { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    return pdf.getPageCount();
  } catch {
    return null;
  }
}
