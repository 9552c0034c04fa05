import { describe, expect, it } from 'vitest';
import { contentDisposition, isPathName, MAX_FILE_NAME_LENGTH, sanitiseFileName } from './names';

describe('file names', () => {
  it('a path is refused, never cleaned into a name', () => {
    for (const name of ['../a.pdf', 'a/b.pdf', 'C:\\x\\y.pdf', '..', '.', 'a\0.pdf']) {
      expect(isPathName(name), name).toBe(true);
      expect(sanitiseFileName(name), name).toBeNull();
    }
    expect(isPathName('raport..końcowy.pdf')).toBe(false);
  });

  it('keeps a long name within the bound, with its extension', () => {
    const name = sanitiseFileName(`${'ż'.repeat(300)}.xlsx`)!;
    expect([...name]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('ż.xlsx')).toBe(true);
  });

  it('Content-Disposition: the UTF-8 name per RFC 5987, an ASCII stand-in without quotes', () => {
    expect(contentDisposition('Uchwała „nr 5” (projekt)*.pdf', 'attachment')).toBe(
      `attachment; filename="Uchwala _nr 5_ (projekt)*.pdf"; filename*=UTF-8''Uchwa%C5%82a%20%E2%80%9Enr%205%E2%80%9D%20%28projekt%29%2A.pdf`,
    );
    expect(contentDisposition('mapa "gminy".png', 'inline')).toBe(`inline; filename="mapa _gminy_.png"; filename*=UTF-8''mapa%20%22gminy%22.png`);
  });
});
