import { existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HTML_PAGE, pdfBytes } from '../tests/file-fixtures';
import { expectAccessible } from './axe';
import { demo, openBrowser, signInAs } from './fixtures';
import { baseURL } from '../playwright.config';

// The server's file folder (playwright.config.ts sets FILES_DIR for the run it starts).
const filesDir = process.env.E2E_FILES_DIR ?? '.data/e2e-files';
/** A forum member of the demo data (an approved representative of Cieklin, Dębowiec). */
const FORUM_MEMBER = 'soltys.cieklin@agora.local';

/** Every object the store holds, and what waits in its staging folder. */
function storeContents() {
  const objects = join(filesDir, 'objects');
  const incoming = join(filesDir, 'incoming');
  return {
    objects: existsSync(objects) ? readdirSync(objects, { recursive: true }).filter((p) => /[0-9a-f-]{36}$/.test(String(p))).length : 0,
    incoming: existsSync(incoming) ? readdirSync(incoming).length : 0,
  };
}

async function download(page: Page, linkName: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).first().click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/**
 * POSTs a multipart upload straight to the server as a script would, skipping the form's own
 * checks: the fields, then a file part of `size` zero bytes sent as a stream (chunked, no
 * Content-Length unless `declareLength`), stopping when the server answers.
 */
function postLargeUpload(cookies: string, size: number, declareLength: boolean): Promise<{ status: number; body: { message?: string; fieldErrors?: Record<string, string[]> }; sent: number }> {
  const boundary = '----agora-e2e-boundary';
  const head = Buffer.from(
    [
      ...Object.entries({ title: 'Za duży plik', kind: 'other', communeId: '', serviceAreaId: '', visibility: 'public', description: '' }).map(
        ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ogromny.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
    ].join(''),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL('/api/documents', baseURL);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, {
      method: 'POST',
      headers: {
        cookie: cookies,
        origin: baseURL,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(declareLength ? { 'content-length': String(head.length + size + tail.length) } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'), sent });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(256 * 1024);
    const pump = () => {
      while (!answered && sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!answered) req.end(tail);
    };
    req.write(head);
    pump();
  });
}

test.describe('documents', () => {
  test('a coordinator publishes a PDF model and attaches minutes to a meeting; a forum member downloads both; forged, oversized and path-named files are refused and nothing is stored', async ({ browser }) => {
    test.setTimeout(240_000);
    const run = Date.now() % 100000;
    const work = mkdtempSync(join(tmpdir(), 'agora-e2e-files-'));
    const modelTitle = `Model usług transportowych — powiat ${run}`;
    const model = Buffer.from(await pdfBytes(3, 'Model uslug transportowych'));
    const minutes = Buffer.from(await pdfBytes(2, 'Protokol sesji szkoleniowej'));

    // The coordinator opens the library and its upload form.
    const coordinator = await openBrowser(browser);
    await signInAs(coordinator, demo.coordinator);
    await coordinator.goto('/');
    await coordinator.getByRole('navigation', { name: 'Główna nawigacja' }).getByRole('link', { name: 'Dokumenty' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Dokumenty' })).toBeVisible();
    await coordinator.getByRole('link', { name: 'Dodaj dokument' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Nowy dokument' })).toBeVisible();
    await expectAccessible(coordinator);

    await coordinator.getByLabel(/^Tytuł/).fill(modelTitle);
    await coordinator.getByLabel(/^Rodzaj dokumentu/).selectOption({ label: 'Model świadczenia usług' });
    await coordinator.getByLabel(/^Gmina lub cały powiat/).selectOption({ label: 'Cały powiat' });
    await coordinator.getByLabel(/^Obszar usług/).selectOption({ index: 3 });
    await coordinator.getByLabel(/^Opis/).fill('Model dojazdów do szkół i przychodni, wersja do konsultacji.');
    const before = storeContents();

    // A forged type: an HTML page named .pdf. Refused by its content; what was typed stays.
    await coordinator.getByLabel(/^Plik/).setInputFiles({ name: 'model.pdf', mimeType: 'application/pdf', buffer: HTML_PAGE });
    await coordinator.getByRole('button', { name: 'Wyślij i opublikuj' }).click();
    await expect(coordinator.getByText(/Zawartość tego pliku nie jest żadnym z dozwolonych rodzajów/)).toBeVisible();
    await expect(coordinator.getByLabel(/^Plik/)).toHaveAttribute('aria-invalid', 'true');
    await expect(coordinator.getByLabel(/^Tytuł/)).toHaveValue(modelTitle);
    await expectAccessible(coordinator);

    // A 200 MB file: the form refuses it before sending a byte, saying how large it may be.
    const huge = join(work, 'skan-200MB.pdf');
    writeFileSync(huge, '%PDF-1.7\n');
    truncateSync(huge, 200 * 1024 * 1024);
    await coordinator.getByLabel(/^Plik/).setInputFiles(huge);
    await expect(coordinator.getByText('Ten plik ma 200 MB, a największy dozwolony to 25 MB. Zmniejsz go (np. zapisz PDF w niższej jakości) albo podziel na części.')).toBeVisible();
    await coordinator.getByRole('button', { name: 'Wyślij i opublikuj' }).click();
    await expect(coordinator.getByRole('progressbar')).toHaveCount(0);

    // A path for a name is refused before anything is sent.
    await coordinator.getByLabel(/^Plik/).setInputFiles({ name: '..', mimeType: 'application/pdf', buffer: model });
    await coordinator.getByRole('button', { name: 'Wyślij i opublikuj' }).click();
    await expect(coordinator.getByText(/Nazwa pliku nie może być ścieżką/)).toBeVisible();

    // The server refuses the same without the form: 200 MB streamed or declared, a path in the name.
    const cookies = (await coordinator.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const streamed = await postLargeUpload(cookies, 200 * 1024 * 1024, false);
    expect(streamed.status).toBe(413);
    expect(streamed.body.fieldErrors).toEqual({ file: ['file_too_large'] });
    const declared = await postLargeUpload(cookies, 200 * 1024 * 1024, true);
    expect(declared.status).toBe(413);
    expect(declared.body.fieldErrors).toEqual({ file: ['file_too_large'] });
    for (const name of ['../../etc/passwd.pdf', '..\\..\\windows\\model.pdf']) {
      const answer = await coordinator.request.post('/api/documents', {
        headers: { origin: baseURL },
        multipart: { title: 'Ścieżka zamiast nazwy', kind: 'other', communeId: '', serviceAreaId: '', visibility: 'public', file: { name, mimeType: 'application/pdf', buffer: model } },
      });
      expect(answer.status(), name).toBe(400);
      expect((await answer.json()).fieldErrors, name).toEqual({ file: ['file_name_invalid'] });
    }
    // Another site cannot post a file with the coordinator's session.
    const foreign = await coordinator.request.post('/api/documents', {
      headers: { origin: 'https://evil.example' },
      multipart: { title: 'Z obcej strony', kind: 'other', communeId: '', visibility: 'public', file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: model } },
    });
    expect(foreign.status()).toBe(403);
    // Nothing of all that was kept.
    expect(storeContents()).toEqual(before);

    // The real PDF: a progress bar while it goes, then the document's page with type, size, pages.
    await coordinator.getByLabel(/^Plik/).setInputFiles({ name: 'Model usług transportowych.pdf', mimeType: 'application/pdf', buffer: model });
    await expect(coordinator.getByText(/Wybrany plik: Model usług transportowych\.pdf/)).toBeVisible();
    await coordinator.getByRole('button', { name: 'Wyślij i opublikuj' }).click();
    await expect(coordinator).toHaveURL(/\/documents\/\d+$/);
    const modelUrl = new URL(coordinator.url()).pathname;
    await expect(coordinator.getByRole('heading', { level: 1, name: modelTitle })).toBeVisible();
    await expect(coordinator.getByRole('table', { name: 'Wersje dokumentu, najnowsza na początku' })).toContainText('3 strony');
    await expectAccessible(coordinator);
    expect(storeContents().objects).toBe(before.objects + 1);

    // Minutes attached to the county training session (held 25 days ago), for forum members only.
    await coordinator.goto('/calendar?view=archive');
    await coordinator.getByRole('link', { name: 'Sesja szkoleniowa 1: Usługi publiczne w ujęciu strategicznym' }).first().click();
    await coordinator.waitForURL(/\/calendar\/\d+$/);
    const meetingUrl = new URL(coordinator.url()).pathname;
    await coordinator.getByRole('link', { name: 'Dołącz plik' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: /^Nowy plik: spotkanie „Sesja szkoleniowa 1/ })).toBeVisible();
    await expect(coordinator.getByLabel(/^Rodzaj dokumentu/)).toHaveValue('minutes');
    await expectAccessible(coordinator);
    await coordinator.getByLabel(/^Tytuł/).fill(`Protokół i materiały szkolenia ${run}`);
    await coordinator.getByLabel('Tylko dla członków forum i pracowników projektu').check();
    await coordinator.getByLabel(/^Plik/).setInputFiles({ name: `protokół-szkolenie-${run}.pdf`, mimeType: 'application/pdf', buffer: minutes });
    await coordinator.getByRole('button', { name: 'Wyślij i opublikuj' }).click();
    await expect(coordinator).toHaveURL(new RegExp(`${meetingUrl}#attachments$`));
    const materials = coordinator.getByRole('region', { name: 'Materiały' });
    await expect(materials).toContainText(`Protokół i materiały szkolenia ${run}`);
    await expect(materials).toContainText('Dla członków forum');
    await expect(materials).toContainText('2 strony');

    // A forum member downloads both, byte for byte.
    const member = await openBrowser(browser);
    await signInAs(member, FORUM_MEMBER);
    await member.goto(meetingUrl);
    const gotMinutes = await download(member, `Pobierz: protokół-szkolenie-${run}.pdf`);
    expect(gotMinutes.name).toBe(`protokół-szkolenie-${run}.pdf`);
    expect(gotMinutes.bytes.equals(minutes)).toBe(true);
    await member.goto('/documents?kind=service_model');
    await expect(member.getByRole('link', { name: modelTitle })).toBeVisible();
    await expectAccessible(member);
    await member.getByRole('link', { name: modelTitle }).click();
    await expect(member).toHaveURL(new RegExp(`${modelUrl}$`));
    await expect(member.getByRole('heading', { name: 'Nowa wersja' })).toHaveCount(0);
    const gotModel = await download(member, /^Pobierz najnowszą wersję \(PDF/);
    expect(gotModel.name).toBe('Model usług transportowych.pdf');
    expect(gotModel.bytes.equals(model)).toBe(true);

    // The download is sent as an attachment, with its type, nosniff and the UTF-8 name.
    const id = modelUrl.split('/').pop();
    const head = await member.request.get(`/api/documents/${id}/file`);
    expect(head.headers()['content-type']).toBe('application/pdf');
    expect(head.headers()['x-content-type-options']).toBe('nosniff');
    expect(head.headers()['content-disposition']).toBe(`attachment; filename="Model uslug transportowych.pdf"; filename*=UTF-8''Model%20us%C5%82ug%20transportowych.pdf`);

    // Members-only minutes: a visitor is told they exist and asked to sign in; a signed-in
    // non-member is refused the file.
    const visitor = await openBrowser(browser);
    await visitor.goto(meetingUrl);
    await expect(visitor.getByRole('region', { name: 'Materiały' })).toContainText(/dostępn\w* tylko dla członków forum/);
    await expect(visitor.getByRole('link', { name: `Pobierz: protokół-szkolenie-${run}.pdf` })).toHaveCount(0);
    const minutesId = (await coordinator.getByRole('link', { name: `Protokół i materiały szkolenia ${run}` }).getAttribute('href'))!.split('/').pop();
    const anonymous = await visitor.request.get(`/api/documents/${minutesId}/file`, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(303);
    expect(anonymous.headers()['location']).toBe(`/sign-in?callbackUrl=%2Fdocuments%2F${minutesId}`);
    const outsider = await openBrowser(browser);
    await signInAs(outsider, demo.member);
    expect((await outsider.request.get(`/api/documents/${minutesId}/file`)).status()).toBe(403);
  });
});
