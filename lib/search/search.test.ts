import { eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, posts, threads } from '@/db/schema';
import { indexPendingSearchText } from '@/db/search-index';
import type { CurrentUser } from '@/lib/auth/permissions';
import { searchForum } from '@/lib/forum/search-queries';
import { makeMember, makePlaces, makeUser } from '@/lib/forum/test-helpers';
import { addPost, createThread } from '@/lib/forum/thread-mutations';
import { createArticle } from '@/lib/news/mutations';
import { searchArticles } from '@/lib/news/queries';
import { polishLemmatizer } from './dictionary';
import { foldText } from './fold';
import { indexText, parseSearchQuery } from './index';

// The inflected forms that must find each other (issue 18): each group is one word's forms, and
// "drodze" (g → dz) and "szkół" (o → ó) change the stem itself.
const CORPUS = {
  oświetlenie: ['oświetlenie', 'oświetlenia', 'oświetleniu'],
  droga: ['droga', 'drogi', 'drodze'],
  szkoła: ['szkoła', 'szkole', 'szkół'],
} as const;
const GROUPS = Object.entries(CORPUS) as [string, readonly string[]][];

const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('the lemmatizer', () => {
  it('gives every form of a corpus word the same dictionary form, folded', async () => {
    const lemmatizer = await polishLemmatizer();
    for (const [lemma, forms] of GROUPS) {
      for (const form of forms) expect(lemmatizer.lemmas(foldText(form)), form).toContain(foldText(lemma));
    }
    // Typed without diacritics, and with the "nie-" prefix.
    expect(lemmatizer.lemmas('swiatla')).toContain('swiatlo');
    expect(lemmatizer.lemmas('niedrogiego')).toContain('drogi');
    // Not a suffix stripper: words that only look alike stay apart; unknown words have no lemma.
    expect(lemmatizer.lemmas('drodze')).not.toContain('szkola');
    expect(lemmatizer.lemmas('kwzyrkami')).toEqual([]);
  });

  it('indexes each word followed by its lemmas, and reads a query as prefix-or-lemma per word', async () => {
    expect((await indexText('Brak oświetlenia na drodze')).split(' ')).toEqual(expect.arrayContaining(['brak', 'oswietlenia', 'oswietlenie', 'na', 'drodze', 'droga']));
    const q = (await parseSearchQuery('Oświetlenie na drodze!'))!;
    // "na" says nothing: dropped while other words remain.
    expect(q.terms).toEqual(['oswietlenie', 'drodze']);
    expect(q.tsquery).toMatch(/^\(oswietlenie:\*[^)]*\) & \(drodze:\* \| droga[^)]*\)$/);
    expect(await parseSearchQuery(" '); -- ")).toBeNull();
  });
});

describe('search over the database', () => {
  let member: CurrentUser;
  let coordinator: CurrentUser;
  const postOf = new Map<string, { threadId: number; number: number }>();
  const articleOf = new Map<string, number>();

  beforeAll(async () => {
    const places = await makePlaces();
    member = await makeMember(places.communeId, 'locality', 'Janina Sołtys');
    coordinator = await makeUser([{ role: 'coordinator', communeId: null }], 'Koordynatorka');
    const { id: threadId } = await createThread({ actor: member, title: 'Sprawy sołectwa', communeId: places.communeId, serviceAreaIds: [places.areaIds[0]!], body: 'Zbieramy uwagi mieszkańców.' });
    for (const [, forms] of GROUPS) {
      for (const form of forms) {
        const post = await addPost({ actor: member, threadId, body: `Mieszkańcy piszą: ${form} — prosimy o pomoc.`, quotedPostId: null });
        postOf.set(form, { threadId, number: post.number });
        const article = await createArticle({
          actor: coordinator,
          input: { title: `Wieści z powiatu nr ${articleOf.size + 1}`, lead: 'Krótkie podsumowanie tygodnia w gminach.', body: `W tym tygodniu: ${form}.`, communeId: null, status: 'published', publishedAt: new Date(Date.now() - 60_000) },
        });
        articleOf.set(form, article.id);
      }
    }
  });

  it('finds every inflected form of a word from any other form, with or without diacritics, in posts and news', async () => {
    for (const [, forms] of GROUPS) {
      const others = GROUPS.flatMap(([, f]) => f).filter((f) => !forms.includes(f));
      for (const query of [...forms, ...forms.map(foldText)]) {
        const { hits } = await searchForum({ query });
        const found = hits.filter((h) => h.kind === 'post').map((h) => h.number);
        for (const form of forms) expect(found, `"${query}" finds the post with "${form}"`).toContain(postOf.get(form)!.number);
        for (const other of others) expect(found, `"${query}" does not find the post with "${other}"`).not.toContain(postOf.get(other)!.number);

        const news = (await searchArticles({ query })).map((a) => a.id);
        for (const form of forms) expect(news, `"${query}" finds the article with "${form}"`).toContain(articleOf.get(form));
        for (const other of others) expect(news, `"${query}" does not find the article with "${other}"`).not.toContain(articleOf.get(other));
      }
    }
  });

  it('marks the inflected word in the snippet, whichever form was typed', async () => {
    const { hits } = await searchForum({ query: 'szkoła' });
    const hit = hits.find((h) => h.number === postOf.get('szkół')!.number)!;
    expect(marked(hit.snippet)).toEqual(['szkół']);
    const [article] = (await searchArticles({ query: 'droga' })).filter((a) => a.id === articleOf.get('drodze'));
    expect(marked(article!.snippet)).toEqual(['drodze']);
  });

  it('ranks more mentions, and a title, above a single mention in a longer text', async () => {
    const places = await makePlaces();
    const author = await makeMember(places.communeId, 'ngo', 'Piotr Wiejski');
    const once = await createThread({ actor: author, title: 'Różne sprawy', communeId: places.communeId, serviceAreaIds: [places.areaIds[1]!], body: 'Chodnik przy kościele jest dziurawy, autobus spóźnia się codziennie, a na przystanku brakuje ławki oraz wiaty. Latarnie też.' });
    const often = await createThread({ actor: author, title: 'Latarnie', communeId: places.communeId, serviceAreaIds: [places.areaIds[1]!], body: 'Latarnia przy szkole nie świeci, latarni przy kościele brakuje, a latarnię na rynku ktoś zbił.' });
    const { hits } = await searchForum({ query: 'latarnia', communeId: places.communeId });
    expect(hits[0]).toMatchObject({ kind: 'thread', threadId: often.id });
    const postsInOrder = hits.filter((h) => h.kind === 'post').map((h) => h.threadId);
    expect(postsInOrder.indexOf(often.id)).toBeLessThan(postsInOrder.indexOf(once.id));
  });

  it('indexes rows written without search text (older rows, seeds) once, when the database is prepared', async () => {
    const [row] = await db.insert(articles).values({ title: 'Nowe oświetlenie przy szkołach', lead: 'Wymiana lamp.', body: 'Lampy LED.', status: 'published', publishedAt: new Date(Date.now() - 60_000) }).returning({ id: articles.id });
    await db.update(posts).set({ searchText: null }).where(eq(posts.number, postOf.get('drodze')!.number));
    expect((await searchArticles({ query: 'szkoła' })).map((a) => a.id)).not.toContain(row!.id);
    const indexed = await indexPendingSearchText(db);
    expect(indexed.articles).toBe(1);
    expect(indexed.forum_posts).toBeGreaterThanOrEqual(1);
    expect((await searchArticles({ query: 'szkoła' })).map((a) => a.id)).toContain(row!.id);
    expect((await searchForum({ query: 'droga' })).hits.map((h) => h.number)).toContain(postOf.get('drodze')!.number);
    expect(await indexPendingSearchText(db)).toEqual({});
    expect(await db.$count(threads, isNull(threads.searchText))).toBe(0);
  });
});
