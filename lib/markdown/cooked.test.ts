import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { cookPendingMarkdown } from '@/db/cook';
import { articles, meetings, postRevisions, posts } from '@/db/schema';
import { zodFieldErrors } from '@/lib/action';
import { getThread } from '@/lib/forum/thread-queries';
import { addPost, createThread, editPost } from '@/lib/forum/thread-mutations';
import { replySchema } from '@/lib/forum/schema';
import { makePlaces, makeUser, thrown } from '@/lib/forum/test-helpers';
import en from '@/lib/i18n/messages/en/common.json';
import pl from '@/lib/i18n/messages/pl/common.json';
import { createArticle } from '@/lib/news/mutations';
import { getArticle } from '@/lib/news/queries';
import { articleSchema } from '@/lib/news/schema';
import { minutesSchema } from '@/lib/meetings/schema';

let places: Awaited<ReturnType<typeof makePlaces>>;
beforeAll(async () => {
  places = await makePlaces();
});

describe('Markdown limits at the field', () => {
  it('refuses the 20,000 ">" reply with a clear message in Polish and English, before anything renders it', async () => {
    const hostile = '>'.repeat(20_000);
    const parsed = replySchema.safeParse({ threadId: '1', body: hostile });
    expect(parsed.success).toBe(false);
    expect(zodFieldErrors(parsed.error!)).toEqual({ body: ['markdown_too_deep'] });
    expect(pl.errors.markdown_too_deep).toMatch(/zagnieżdżone/);
    expect(en.errors.markdown_too_deep).toMatch(/nested/);
    // lib/forum checks again: a forged request is refused at the same field.
    const author = await makeUser([{ role: 'coordinator', communeId: null }]);
    const { id } = await createThread({ actor: author, title: 'Wątek', communeId: null, serviceAreaIds: places.areaIds.slice(0, 1), body: 'Pierwszy.' });
    expect((await thrown(addPost({ actor: author, threadId: id, body: hostile, quotedPostId: null }))).fieldErrors).toEqual({ body: ['markdown_too_deep'] });
  });

  it('the other Markdown fields have the same limits', () => {
    const deepList = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- poziom ${i}`).join('\n');
    expect(articleSchema.safeParse({ title: 'Tytuł', lead: 'Wstęp do artykułu', body: deepList, communeId: '', status: 'draft', publishedAt: '2026-12-01T10:00' }).error?.issues.map((i) => i.message)).toContain('markdown_too_deep');
    expect(minutesSchema.safeParse({ meetingId: '1', minutes: `Protokół ${'[x'.repeat(5_001)}` }).error?.issues.map((i) => i.message)).toEqual(['markdown_too_complex']);
  });
});

describe('cooked at write time', () => {
  it('stores a post’s HTML when written, re-cooks it on edit, keeps the old HTML in the history, and the page reads what is stored', async () => {
    const author = await makeUser([{ role: 'coordinator', communeId: null }]);
    const { id: threadId } = await createThread({ actor: author, title: 'Wątek', communeId: null, serviceAreaIds: places.areaIds.slice(0, 1), body: 'Pierwszy **wpis**.' });
    const post = await addPost({ actor: author, threadId, body: 'Odpowiedź z *kursywą*.', quotedPostId: null });
    const [stored] = await db.select().from(posts).where(eq(posts.id, post.id));
    expect(stored!.bodyHtml).toBe('<p>Odpowiedź z <em>kursywą</em>.</p>');
    await editPost({ actor: author, postId: post.id, body: 'Poprawiona **odpowiedź**.' });
    const [edited] = await db.select().from(posts).where(eq(posts.id, post.id));
    expect(edited!.bodyHtml).toBe('<p>Poprawiona <strong>odpowiedź</strong>.</p>');
    const [revision] = await db.select().from(postRevisions).where(eq(postRevisions.postId, post.id));
    expect(revision!.bodyHtml).toBe('<p>Odpowiedź z <em>kursywą</em>.</p>');
    // The read path shows the stored HTML as it is: it does not render the source again.
    await db.update(posts).set({ bodyHtml: '<p>z bazy</p>' }).where(eq(posts.id, post.id));
    const page = await getThread({ viewer: null, threadId });
    expect(page.posts.find((p) => p.id === post.id)!.html).toBe('<p>z bazy</p>');
    expect(page.posts.find((p) => p.id === post.id)!.revisions[0]!.html).toBe('<p>Odpowiedź z <em>kursywą</em>.</p>');
  });

  it('stores an article’s HTML and the article page reads it', async () => {
    const admin = await makeUser([{ role: 'admin', communeId: null }]);
    const { id } = await createArticle({ actor: admin, input: { title: 'Artykuł', lead: 'Wstęp do artykułu.', body: 'Treść ~~stara~~ **nowa**.', communeId: null, status: 'published', publishedAt: new Date(Date.now() - 60_000) } });
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row!.bodyHtml).toBe('<p>Treść <del>stara</del> <strong>nowa</strong>.</p>');
    expect((await getArticle({ id, viewer: null })).bodyHtml).toBe(row!.bodyHtml);
  });
});

describe('rows written before cooking (db/cook.ts, run by db/prepare.ts)', () => {
  it('are cooked once, and only once', async () => {
    const start = new Date(Date.now() + 86_400_000);
    const [meeting] = await db
      .insert(meetings)
      .values({ type: 'workshop', title: 'Stare', description: 'Opis **stary**', address: 'Sala', startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) })
      .returning({ id: meetings.id });
    const [article] = await db.insert(articles).values({ title: 'Stary', lead: 'Wstęp', body: '> cytat', status: 'published', publishedAt: new Date() }).returning({ id: articles.id });
    const first = await cookPendingMarkdown(db);
    expect(first['meetings.description']).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(meetings).where(eq(meetings.id, meeting!.id)))[0]!.descriptionHtml).toBe('<p>Opis <strong>stary</strong></p>');
    expect((await db.select().from(articles).where(eq(articles.id, article!.id)))[0]!.bodyHtml).toBe('<blockquote>\n<p>cytat</p>\n</blockquote>');
    expect(await cookPendingMarkdown(db)).toEqual({});
  });
});

describe('the read path never parses Markdown', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('only writers (mutations, db/cook.ts) call renderMarkdown; pages, components and queries do not', () => {
    const root = process.cwd();
    const callers = ['app', 'components', 'lib', 'db']
      .flatMap((dir) => files(join(root, dir)))
      .filter((file) => /renderMarkdown\(|from 'micromark'/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(root.length + 1))
      .sort();
    expect(callers).toEqual([
      'db/cook.ts',
      'lib/forum/consultation-mutations.ts',
      'lib/forum/thread-mutations.ts',
      'lib/markdown/index.ts',
      'lib/meetings/mutations.ts',
      'lib/news/mutations.ts',
    ]);
  });
});
