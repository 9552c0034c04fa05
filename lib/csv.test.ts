import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDialectSchema, csvLines, csvResponse, type CsvValue } from './csv';

const rows: CsvValue[][] = [
  ['gmina', 'średnia', 'odpowiedzi', 'uwagi'],
  ['Jasło', 3.75, 12, '=HYPERLINK("http://zły.example")'],
  ['Dębowiec; Łączki', -1.5, 0, '+48 600 100 200'],
  ['Nowy Żmigród', null, undefined, '-3 dni, "pilne"\nnowa linia'],
  ['Osiek', 4, 7, '@SUM(A1)'],
  ['Krempna', 2, 1, '\tukryta tabulacja'],
];

async function bytesOf(response: Response) {
  return new Uint8Array(await response.arrayBuffer());
}

describe('the CSV writer, read back as bytes', () => {
  it('starts with the UTF-8 BOM and keeps Polish letters as UTF-8', async () => {
    const bytes = await bytesOf(csvResponse(csvLines(rows, 'excel'), { filename: 'x.csv' }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    expect(text.slice(1, 30)).toBe('gmina;średnia;odpowiedzi;uwag');
    // "ś" is two bytes in UTF-8 (0xC5 0x9B), not one of a Windows code page.
    expect([...bytes.slice(9, 11)]).toEqual([0xc5, 0x9b]);
  });

  it('excel: semicolons and decimal commas, read back by a CSV parser with the same settings', async () => {
    const text = new TextDecoder().decode(await bytesOf(csvResponse(csvLines(rows, 'excel'), { filename: 'x.csv' })));
    expect(text).toContain('\r\nJasło;3,75;12;');
    expect(text).toContain('"Dębowiec; Łączki";-1,5;0;');
    const back = parse(text, { bom: true, delimiter: ';' }) as string[][];
    expect(back.map((r) => r.slice(0, 3))).toEqual([
      ['gmina', 'średnia', 'odpowiedzi'],
      ['Jasło', '3,75', '12'],
      ['Dębowiec; Łączki', '-1,5', '0'],
      ['Nowy Żmigród', '', ''],
      ['Osiek', '4', '7'],
      ['Krempna', '2', '1'],
    ]);
  });

  it('plain: commas and decimal points', () => {
    const text = csvLines(rows, 'plain');
    expect(text.split('\r\n')[1]).toBe(`Jasło,3.75,12,"'=HYPERLINK(""http://zły.example"")"`);
    expect((parse(text, { delimiter: ',' }) as string[][])[2]!.slice(0, 2)).toEqual(['Dębowiec; Łączki', '-1.5']);
  });

  it('defuses every cell that a spreadsheet would run as a formula, and only text', () => {
    for (const dialect of ['excel', 'plain'] as const) {
      const cells = (parse(csvLines(rows, dialect), { delimiter: dialect === 'excel' ? ';' : ',' }) as string[][]).slice(1).map((r) => r[3]);
      expect(cells).toEqual([`'=HYPERLINK("http://zły.example")`, "'+48 600 100 200", `'-3 dni, "pilne"\nnowa linia`, "'@SUM(A1)", "'\tukryta tabulacja"]);
    }
    expect(csvLines([['\rx', -2]], 'plain')).toBe(`"'\rx",-2\r\n`);
  });

  it('streams a large export with the BOM first', async () => {
    async function* chunks() {
      yield csvLines([['a', 1.5]], 'excel');
      yield csvLines([['b', 2]], 'excel');
    }
    const response = csvResponse(chunks(), { filename: 'big.csv' });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="big.csv"');
    expect(await response.text()).toBe('\uFEFFa;1,5\r\nb;2\r\n'.slice(1)); // Response.text() drops the BOM…
    const bytes = await bytesOf(csvResponse(chunks(), { filename: 'big.csv' }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // …which the bytes carry.
  });

  it('the dialect parameter defaults to excel', () => {
    expect(csvDialectSchema.parse(undefined)).toBe('excel');
    expect(csvDialectSchema.parse('plain')).toBe('plain');
    expect(csvDialectSchema.parse('nonsense')).toBe('excel');
  });
});
