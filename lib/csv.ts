// The one CSV writer: every CSV Agora sends (survey responses, the codebook, each chart's table)
// is written here, on csv-stringify, in one of two dialects:
//
//   excel (the default) — what a Polish office's Excel or LibreOffice opens with a double click:
//                         ';' between fields and a decimal comma (3,75), as the Polish locale reads.
//   plain               — ',' and a decimal point (3.75), for R, Python, SQL and other tools.
//
// Both are UTF-8 with a byte-order mark (without it Excel reads "Jasło" as "JasĹ‚o") and CRLF line
// ends, and both defuse formulas: a text cell that begins with =, +, -, @, a tab or a carriage
// return gets a leading apostrophe, so a typed answer can never run as a spreadsheet formula.
// Numbers are written as numbers (a negative number stays -1).
import { stringify } from 'csv-stringify/sync';
import * as z from 'zod';

export const CSV_DIALECTS = ['excel', 'plain'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];
/** A Polish office user double-clicks the file: Excel's Polish settings come first. */
export const DEFAULT_CSV_DIALECT: CsvDialect = 'excel';

/** The `dialect` query parameter of a CSV download: `excel` (default) or `plain`. */
export const csvDialectSchema = z.enum(CSV_DIALECTS).catch(DEFAULT_CSV_DIALECT);

export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV lines (CRLF after each, no BOM): for the rows of a document or the chunks of a stream. */
export function csvLines(rows: CsvValue[][], dialect: CsvDialect): string {
  if (rows.length === 0) return '';
  return stringify(rows, {
    delimiter: dialect === 'excel' ? ';' : ',',
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    cast: {
      string: defuse,
      number: (n) => (dialect === 'excel' ? String(n).replace('.', ',') : String(n)),
    },
  });
}

/** A whole CSV document: the BOM, then the lines. */
export function csvDocument(rows: CsvValue[][], dialect: CsvDialect): string {
  return CSV_BOM + csvLines(rows, dialect);
}

const csvHeaders = (filename: string, cacheControl: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${filename}"`,
  'cache-control': cacheControl,
  'x-content-type-options': 'nosniff',
});

/**
 * The HTTP answer for a CSV download. `body` is a document's lines (csvLines) or a stream of them;
 * the BOM is put in front here, so no download can go without it.
 */
export function csvResponse(body: string | AsyncIterable<string>, { filename, cacheControl = 'private, no-store' }: { filename: string; cacheControl?: string }): Response {
  const encoder = new TextEncoder();
  if (typeof body === 'string') return new Response(encoder.encode(CSV_BOM + body), { headers: csvHeaders(filename, cacheControl) });
  const iterator = body[Symbol.asyncIterator]();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { headers: csvHeaders(filename, cacheControl) });
}
