import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { toLocal } from '../lib/local-time';
import { demo, moveServerClock, openBrowser, signInAs, uniqueEmail } from './fixtures';
import { signUpConfirmed } from './mail';

const PASSWORD = 'zielony rower nad Wisłoką';
const DEBOWIEC_THREAD = 'Dowóz dzieci do szkoły w Cieklinie – autobus przyjeżdża za wcześnie';

/** Signs up, confirms the address from the e-mail and signs in (e2e/mail.ts). */
async function signUp(page: Page, name: string, email: string) {
  await signUpConfirmed(page, { name, email, password: PASSWORD });
}

async function openThread(page: Page, title: string) {
  await page.goto('/forum');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.describe('the forum', () => {
  test('apply → approve → post → quote-reply → notification seen → report → hide', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const run = Date.now() % 100000;
    const name = `Wiesław Nowak ${run}`;
    const first = `Mój pierwszy wpis ${run}`;
    await signUp(page, name, uniqueEmail('wieslaw'));

    // The newcomer applies to represent the village of Dębowiec.
    await page.goto('/forum/membership');
    await expect(page.getByRole('heading', { level: 1, name: 'Moje członkostwo w forum' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Gmina').selectOption({ label: 'Dębowiec' });
    await page.getByLabel('przedstawiciel sołectwa lub osiedla').check();
    await page.getByLabel(/Sołectwo lub osiedle/).selectOption({ label: 'Dębowiec (sołectwo)' });
    await page.getByRole('button', { name: 'Złóż wniosek' }).click();
    const current = page.getByRole('region', { name: 'Twoje członkostwo' });
    await expect(current).toContainText('oczekuje na decyzję');
    await expect(current).toContainText('przedstawiciel sołectwa lub osiedla: Dębowiec');

    // The commune's coordinator approves.
    const coordinator = await openBrowser(browser);
    await signInAs(coordinator, 'koordynator.debowiec@agora.local');
    await coordinator.goto('/forum/applications');
    await expectAccessible(coordinator);
    const application = coordinator.getByRole('listitem').filter({ has: coordinator.getByRole('heading', { name }) });
    await application.getByLabel('Zatwierdź').check();
    await application.getByRole('button', { name: 'Zapisz' }).click();
    await expect(coordinator.getByRole('region', { name: 'Członkowie' })).toContainText(name);
    await expect(coordinator.getByRole('region', { name: 'Wnioski oczekujące' })).not.toContainText(name);

    // The applicant sees the decision among their notifications and is now a member.
    await page.goto('/forum/notifications');
    await expect(page.getByRole('main')).toContainText('został zatwierdzony');
    await page.goto('/forum/membership');
    await expect(page.getByRole('region', { name: 'Twoje członkostwo' })).toContainText('zatwierdzone');
    await expectAccessible(page);
    await page.goto('/forum/members/debowiec');
    await expect(page.getByRole('table')).toContainText(name);
    await expectAccessible(page);

    // The new member posts in the commune's thread.
    await openThread(page, DEBOWIEC_THREAD);
    await page.locator('#reply').getByLabel('Treść').fill(`${first}: w Dębowcu autobus też przyjeżdża za wcześnie.`);
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    const myPost = page.locator('article').filter({ hasText: first }).first();
    await expect(myPost).toBeVisible();
    await expectAccessible(page);
    const myPostId = await myPost.getAttribute('id');

    // The coordinator quotes it in a reply.
    await openThread(coordinator, DEBOWIEC_THREAD);
    await coordinator.locator(`#${myPostId}`).getByRole('link', { name: /^Cytuj/ }).click();
    const replyBox = coordinator.locator('#reply').getByLabel('Treść');
    await expect(replyBox).toHaveValue(new RegExp(`^> ${first}`));
    await replyBox.press('End');
    await replyBox.fill(`${await replyBox.inputValue()}Dziękuję, dopiszemy Dębowiec do pytania do przewoźnika (${run}).`);
    await coordinator.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect(coordinator.locator('article').filter({ hasText: `przewoźnika (${run})` })).toContainText(/w odpowiedzi na wpis nr \d+/);

    // The member sees the unread badge, opens the notification and lands on the quoting post.
    await page.goto('/forum');
    const badge = page.getByRole('banner').getByRole('link', { name: /Powiadomienia/ });
    await expect(badge).toContainText('2 (2 nowe)');
    await badge.click();
    const quoted = page.getByRole('listitem').filter({ hasText: 'zacytował(a) Twój wpis' });
    await expect(quoted).toContainText('nowe');
    await quoted.getByRole('button', { name: /Otwórz/ }).click();
    await expect(page).toHaveURL(/\/forum\/threads\/\d+\?page=1#post-\d+/);
    await expect(page.getByRole('banner').getByRole('link', { name: /Powiadomienia/ })).toContainText('1 (1 nowe)');
    await page.goto('/forum/notifications');
    await expect(page.getByRole('listitem').filter({ hasText: 'zacytował(a) Twój wpis' })).not.toContainText('nowe:');

    // The coordinator reports the member's post; a moderator hides it from the queue.
    await coordinator.reload();
    const reported = coordinator.locator(`#${myPostId}`);
    await reported.getByText(/^Zgłoś/).click();
    await reported.getByLabel('Powód zgłoszenia').fill('Wpis powtarza informację, proszę o weryfikację.');
    await reported.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await expect(reported).toContainText('Zgłoszono ten wpis.');

    const moderator = await openBrowser(browser);
    await signInAs(moderator, demo.moderator);
    await moderator.goto('/forum/moderation');
    await expectAccessible(moderator);
    const item = moderator.getByRole('listitem').filter({ hasText: first });
    await expect(item).toContainText('proszę o weryfikację');
    await item.getByLabel('Powód ukrycia').fill('Naruszenie zasad forum');
    await item.getByRole('button', { name: 'Ukryj' }).click();
    await expect(moderator.getByRole('listitem').filter({ hasText: first })).toHaveCount(0);

    // Its moderator still reads it on the thread page (kept for every member: the text arrives
    // with their own part of it, components/viewer/).
    await openThread(moderator, DEBOWIEC_THREAD);
    await expect(moderator.locator(`#${myPostId}`)).toContainText('Widzisz treść, bo moderujesz ten wątek.');
    await expect(moderator.locator(`#${myPostId}`)).toContainText(first);

    // Everyone else sees it hidden, with the reason.
    const reader = await openBrowser(browser);
    await openThread(reader, DEBOWIEC_THREAD);
    await expect(reader.locator(`#${myPostId}`)).toContainText('Wpis ukryty przez moderację. Powód: Naruszenie zasad forum');
    await expect(reader.locator(`#${myPostId}`)).not.toContainText(first);
    await expectAccessible(reader);

    // The member steps down, freeing the seat.
    await page.goto('/forum/membership');
    await page.getByRole('button', { name: 'Zrezygnuj z członkostwa' }).click();
    await expect(page.getByRole('region', { name: 'Twoje członkostwo' })).toContainText('zakończone');
    await page.goto('/forum/members/debowiec');
    await expect(page.getByRole('table')).not.toContainText(name);
  });

  test('approving past a commune quota is refused, naming the quota and who holds the seats', async ({ page }) => {
    await signInAs(page, demo.coordinator);
    await page.goto('/forum/applications');
    const application = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Olga Fundacyjna' }) });
    await application.getByLabel('Zatwierdź').check();
    await application.getByRole('button', { name: 'Zapisz' }).click();
    const alert = application.getByRole('alert');
    await expect(alert).toContainText('limit przedstawicieli organizacji pozarządowych i przedsiębiorców w tej gminie (5) jest wyczerpany');
    await expect(alert).toContainText('Marek Hnatko');
    await expect(alert).toContainText('Lucyna Czech');
    await expectAccessible(page);
  });

  test('a post carrying <script>, <img onerror> and a javascript: link renders inert', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await signInAs(page, 'soltys.cieklin@agora.local');
    await openThread(page, DEBOWIEC_THREAD);
    const payload = '<script>alert("xss1")</script>\n\n<img src=x onerror="alert(\'xss2\')">\n\n[Kliknij tutaj](javascript:alert(3)) oraz **ważne**';
    await page.locator('#reply').getByLabel('Treść').fill(payload);
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    const post = page.locator('article').filter({ hasText: 'Kliknij tutaj' });
    await expect(post).toBeVisible();
    await expect(post).toContainText('<script>alert("xss1")</script>');
    await expect(post.locator('script')).toHaveCount(0);
    await expect(post.locator('img')).toHaveCount(0);
    await expect(post.locator('[onerror]')).toHaveCount(0);
    await expect(post.locator('a[href^="javascript:" i]')).toHaveCount(0);
    await expect(post.locator('strong')).toHaveText('ważne');
    await page.reload();
    expect(dialogs).toBe(0);
  });

  test("a visitor's kept copy of a thread shows a reply at once, in each language", async ({ page, playwright, baseURL }) => {
    const visitor = await playwright.request.newContext({ baseURL });
    await page.goto('/forum');
    const thread = new URL((await page.getByRole('link', { name: DEBOWIEC_THREAD }).getAttribute('href'))!, baseURL).pathname;
    // The visitor's copies are kept before the reply (HIT, or STALE while a fresh one renders).
    for (const address of [thread, `${thread}?page=1`]) {
      await visitor.get(address);
      expect(['HIT', 'STALE']).toContain((await visitor.get(address)).headers()['x-nextjs-cache']);
    }

    await signInAs(page, 'soltys.cieklin@agora.local');
    await page.goto(thread);
    const text = `Autobus o szóstej czterdzieści, sprawdzone ${Date.now() % 100000}`;
    await page.locator('#reply').getByLabel('Treść').fill(text);
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect(page.locator('article').filter({ hasText: text })).toBeVisible();
    const last = new URL(page.url()).searchParams.get('page');

    // At once, not when the kept copies expire: the thread's own copies were thrown away.
    expect(await (await visitor.get(`${thread}?page=${last}`)).text()).toContain(text);
    expect(await (await visitor.get(`${thread}?page=${last}`, { headers: { cookie: 'NEXT_LOCALE=en' } })).text()).toContain(text);
    // A page past the last is not found (a kept copy of it would outlive the thread's growth), and
    // a page number written otherwise is rendered for its request, never kept.
    expect((await visitor.get(`${thread}?page=999`)).status()).toBe(404);
    const odd = await visitor.get(`${thread}?page=0${last}`);
    expect(odd.status()).toBe(200);
    expect(odd.headers()['x-nextjs-cache']).toBeUndefined();
    await visitor.dispose();
  });

  test("a thread page is kept once for every signed-in reader, and what is theirs arrives after it", async ({ page, browser, playwright, baseURL }) => {
    // A member of the thread's commune (the author of its first post) and a member of another.
    await signInAs(page, 'soltys.cieklin@agora.local');
    await openThread(page, DEBOWIEC_THREAD);
    const thread = new URL(page.url()).pathname;
    const other = await openBrowser(browser);
    await signInAs(other, 'ngo.kolaczyce@agora.local');

    // Both are sent the same bytes, which Next.js keeps: nothing in them is either reader's.
    await page.request.get(thread);
    const mine = await page.request.get(thread);
    const theirs = await other.request.get(thread);
    expect(['HIT', 'STALE']).toContain(mine.headers()['x-nextjs-cache']);
    expect(mine.headers()['cache-control']).toBe('private, no-cache');
    const kept = await mine.text();
    expect(await theirs.text()).toBe(kept);
    expect(kept).not.toContain('Konto: Stanisław Bieniek');
    expect(kept).toContain('Wyloguj się');
    // A visitor is never sent the members' page, nor can read anyone's part of it.
    const visitor = await playwright.request.newContext({ baseURL });
    expect(await (await visitor.get(thread)).text()).not.toContain('Wyloguj się');
    const id = thread.split('/').at(-1);
    expect((await visitor.get(`/api/viewer?thread=${id}&page=1`)).status()).toBe(401);
    await visitor.dispose();
    const part = await page.request.get(`/api/viewer?thread=${id}&page=1`);
    expect(part.headers()['cache-control']).toBe('private, no-store');

    // In the browser each sees their own part once the page is shown: the member their name,
    // the reply form and the edit link of their own post; reporting others' posts.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Konto: Stanisław Bieniek' })).toBeVisible();
    await expect(page.locator('#post-1').getByRole('link', { name: /^Edytuj/ })).toBeVisible();
    await expect(page.locator('#post-2').getByRole('link', { name: /^Zgłoś/ })).toBeVisible();
    await expect(page.locator('#post-2').getByRole('link', { name: /^Edytuj/ })).toHaveCount(0);
    await expect(page.locator('#reply')).toBeVisible();
    await expectAccessible(page);
    // An action on the shared page (run by the page rendered for its request) brings their part
    // anew: the author follows their thread; unfollowing turns the button round, and back.
    await page.getByRole('button', { name: 'Przestań obserwować' }).click();
    await expect(page.getByRole('button', { name: 'Obserwuj wątek' })).toBeVisible();
    await page.getByRole('button', { name: 'Obserwuj wątek' }).click();
    await expect(page.getByRole('button', { name: 'Przestań obserwować' })).toBeVisible();
    // The member of Kołaczyce holds no seat in Dębowiec: no reply form and no quoting.
    await other.goto(thread);
    await expect(other.getByRole('banner').getByRole('link', { name: /^Konto: / })).toBeVisible();
    await expect(other.locator('#post-2').getByRole('link', { name: /^Zgłoś/ })).toBeVisible();
    await expect(other.locator('#reply')).toHaveCount(0);
    await expect(other.getByRole('link', { name: /^Cytuj/ })).toHaveCount(0);

    // Editing opens its form on the page rendered for its author, with the post's Markdown.
    await page.locator('#post-1').getByRole('link', { name: /^Edytuj/ }).click();
    await expect(page.locator('#post-1').getByLabel('Treść')).toHaveValue(/autobus szkolny/);
    await expectAccessible(page);

    // Staff read posts (hidden ones too) and act on them: always on a page rendered for them,
    // under the request's nonce, with what their roles add.
    const analyst = await openBrowser(browser);
    await signInAs(analyst, demo.analyst);
    const staff = await analyst.request.get(thread);
    expect(staff.headers()['x-nextjs-cache']).toBeUndefined();
    expect(staff.headers()['content-security-policy']).toContain("'nonce-");
    await analyst.goto(thread);
    await expect(analyst.getByRole('banner').getByRole('link', { name: 'Wskaźniki' })).toBeVisible();
  });

  test('an oversized post is refused with a clear message and the text stays in the editor', async ({ page }) => {
    await signInAs(page, 'kgw.debowiec@agora.local');
    await openThread(page, DEBOWIEC_THREAD);
    // The field errors are not in the page (a member's forum pages fetch them once, after the
    // form hydrates), yet the check in the browser words its refusal in full.
    expect(await page.content()).not.toContain('najwyżej 20 000 znaków');
    const text = 'Bardzo długi wpis. '.repeat(1100);
    const box = page.locator('#reply').getByLabel('Treść');
    await box.fill(text);
    await page.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect(page.locator('#reply')).toContainText('najwyżej 20 000 znaków');
    await expect(box).toHaveValue(text);
  });

  test('without JavaScript, an empty reply is refused with the same clear message', async ({ page, browser }) => {
    await signInAs(page, 'kgw.debowiec@agora.local');
    await openThread(page, DEBOWIEC_THREAD);
    const threadUrl = page.url();
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pl-PL' });
    await context.addCookies(await page.context().cookies());
    const noScript = await context.newPage();
    await noScript.goto(threadUrl);
    // The page kept for every member cannot know who reads it without a script: a link opens the
    // page rendered for them.
    await noScript.getByRole('link', { name: 'Napisz odpowiedź' }).click();
    await noScript.locator('#reply').getByLabel('Treść').fill('   ');
    await noScript.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    // The server's answer to the plain form post is rendered with the field errors' texts.
    await expect(noScript.locator('#reply')).toContainText('Wpis nie może być pusty.');
    // The thread it belongs to went with it (a hidden field, empty before without JavaScript).
    await expect(noScript.locator('#reply input[type="hidden"][name="threadId"]')).not.toHaveValue('');
    await context.close();
  });

  test('new posts count as unread until the member has seen the page that shows them', async ({ page, browser }) => {
    const run = Date.now() % 100000;
    const title = `Godziny otwarcia biblioteki w Kołaczycach ${run}`;
    // Ewa opens a thread in Kołaczyce: her own post counts as read for her.
    const author = await openBrowser(browser);
    await signInAs(author, 'ngo.kolaczyce@agora.local');
    await author.goto('/forum/threads/new');
    await author.getByLabel('Tytuł').fill(title);
    await author.getByLabel('Gmina').selectOption({ label: 'Kołaczyce' });
    await author.getByLabel('Kultura, sport i wypoczynek').check();
    await author.getByLabel('Treść').fill('Biblioteka jest zamknięta w soboty. Czy można to zmienić?');
    await author.getByRole('button', { name: 'Opublikuj wątek' }).click();
    await expect(author.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Józef, a member of the same commune, sees one new post in the index…
    await signInAs(page, 'soltys.lubla@agora.local');
    await page.goto('/forum');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row).toContainText('1 nowy');
    // …opens the thread (the page tells the server, once shown, how far he has read: a post from
    // the page, once his part of it has come — leaving before that would leave it unread)…
    const reported = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/forum/threads/'));
    await row.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('#post-1')).toBeVisible();
    expect((await reported).ok()).toBe(true);
    // (The list is a members' kept page: the cell is empty until the reader's part has come, so
    // waiting for "—" waits for it, where "no 'nowy'" would pass before it came.)
    await expect(async () => {
      await page.goto('/forum');
      await expect(row.getByRole('cell').nth(2)).toHaveText('—', { timeout: 2000 });
    }).toPass({ timeout: 15_000 });

    // A reply makes it new again, for him only.
    await author.locator('#reply').getByLabel('Treść').fill('Dziękuję za wszystkie odpowiedzi.');
    await author.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect(author.locator('#post-2')).toBeVisible();
    await page.goto('/forum');
    await expect(row).toContainText('1 nowy');
    await author.goto('/forum');
    await expect(author.getByRole('row').filter({ has: author.getByRole('link', { name: title }) })).not.toContainText('nowy');
  });

  test('search ignores diacritics, case and inflection and highlights matches', async ({ page }) => {
    // "dowozu do szkół" finds "Dowóz dzieci do szkoły…": other forms, typed with or without Polish letters.
    for (const q of ['dowozu do szkół', 'DOWOZU do szkol']) {
      await page.goto(`/forum/search?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole('status')).toContainText(/wynik/);
      const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: DEBOWIEC_THREAD }) }).first();
      await expect(hit.locator('mark')).toHaveText(['Dowóz', 'szkoły']);
    }
    await expectAccessible(page);
  });
});

/** An unambiguous Warsaw wall-clock time a day ahead, as a datetime-local field wants it. */
function tomorrowAtNoon(): string {
  return `${toLocal(new Date(Date.now() + 24 * 3600_000)).slice(0, 10)}T12:00`;
}

test.describe('consultations', () => {
  test('from opening to the published opinion', async ({ page, browser }) => {
    const title = `Konsultacja rozkładu jazdy ${Date.now() % 100000}`;
    await signInAs(page, demo.coordinator);
    await page.goto('/forum/consultations/new');
    await expectAccessible(page);
    await page.getByLabel('Tytuł').fill(title);
    await page.getByLabel('Tekst poddany konsultacji').fill('Proponujemy **drugi kurs** autobusu szkolnego z Cieklina o 7:20.');
    await page.getByLabel('Zakres').selectOption({ label: 'Dębowiec' });
    await page.getByLabel(/Termin zajmowania stanowisk/).fill(tomorrowAtNoon());
    await page.getByLabel('Komunikacja i transport').check();
    await page.getByRole('button', { name: 'Otwórz konsultację' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const url = page.url();

    // Two members of Dębowiec take positions; one changes hers.
    for (const [email, position, justification] of [
      ['soltys.cieklin@agora.local', 'popieram z uwagami', 'Dobrze, ale kurs powrotny też jest potrzebny.'],
      ['kgw.debowiec@agora.local', 'nie popieram', 'Za drogo.'],
      ['kgw.debowiec@agora.local', 'popieram', 'Po namyśle popieramy – dzieci nie będą czekać pod szkołą.'],
    ] as const) {
      const member = await openBrowser(browser);
      await signInAs(member, email);
      await member.goto(url);
      await member.getByLabel(position, { exact: true }).check();
      await member.getByLabel('Uzasadnienie').fill(justification);
      await member.getByRole('button', { name: 'Zapisz stanowisko' }).click();
      await expect(member.getByRole('status').filter({ hasText: 'Stanowisko zapisane' })).toBeVisible();
      await expectAccessible(member);
      await member.context().close();
    }

    // After the deadline it is closed by itself, with the forum's opinion: the coordinator's
    // requests are served two days later (the server's clock moved, not waited for).
    await moveServerClock(page, 2 * 24 * 3600);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Opinia forum' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Zapisz stanowisko' })).toHaveCount(0);
    const breakdown = page.getByRole('table', { name: /według gminy, reprezentacji/ });
    await expect(breakdown.getByRole('row').filter({ hasText: 'przedstawiciel sołectwa lub osiedla' })).toContainText('popieram z uwagami');
    await expect(breakdown.getByRole('row').filter({ hasText: 'przedstawiciel organizacji pozarządowej' })).toContainText('popieram');
    await expect(page.getByRole('main')).toContainText('Po namyśle popieramy');
    await expect(page.getByRole('main')).not.toContainText('Za drogo.');
    await page.getByLabel('Podsumowanie opinii forum').fill('Forum popiera drugi kurs, z uwagą o kursie powrotnym.');
    await page.getByRole('button', { name: 'Opublikuj podsumowanie' }).click();
    // Published (the coordinator's page shows it) before a reader comes: the reader's request
    // raced the coordinator's post when the machine was busy.
    await expect(page.locator('.user-text').filter({ hasText: 'Forum popiera drugi kurs' })).toBeVisible();

    const reader = await openBrowser(browser);
    await moveServerClock(reader, 2 * 24 * 3600);
    await reader.goto(url);
    await expect(reader.getByRole('main')).toContainText('Forum popiera drugi kurs, z uwagą o kursie powrotnym.');
    await expect(reader.getByRole('table', { name: 'Liczba stanowisk według rodzaju' })).toBeVisible();
    await expectAccessible(reader);
  });
});
