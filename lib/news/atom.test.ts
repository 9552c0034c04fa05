import { DOMParser, onWarningStopParsing, type Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml } from './atom';

// An independent XML parser (xmldom, in JavaScript: it runs wherever the tests run, so the check is
// never skipped); any warning or error stops parsing and fails the test. The e2e spec parses the
// served feed again with the browser's DOMParser.
const ATOM = 'http://www.w3.org/2005/Atom';

function parseIndependently(xml: string) {
  const doc = new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, 'application/xml');
  const root = doc.documentElement!;
  const child = (parent: XmlElement, name: string) => parent.getElementsByTagNameNS(ATOM, name)[0]!;
  const entries = Array.from(root.getElementsByTagNameNS(ATOM, 'entry')).map((e) => {
    const out: Record<string, string> = {};
    for (const k of ['id', 'title', 'summary', 'content', 'updated', 'published']) out[k] = child(e, k).textContent ?? '';
    out.link = child(e, 'link').getAttribute('href') ?? '';
    return out;
  });
  const title = Array.from(root.childNodes).find((n) => n.nodeType === 1 && n.nodeName === 'title')!;
  return { root: `{${root.namespaceURI}}${root.localName}`, title: title.textContent, entries };
}

const feed = () =>
  buildAtomFeed({
    id: 'https://agora.example/news',
    title: 'Agora – Aktualności',
    subtitle: 'Wieści z gmin powiatu jasielskiego',
    selfUrl: 'https://agora.example/news/feed.xml',
    pageUrl: 'https://agora.example/news',
    updated: new Date('2026-11-20T10:00:00Z'),
    language: 'pl',
    entries: [
      {
        id: 'https://agora.example/news/1',
        title: 'Warsztaty <b>"strategiczne"</b> & konsultacje – Żmigród',
        summary: "Zapraszamy: 'wszyscy' mile widziani < > &",
        html: '<p>Treść z <a href="https://x.pl/?a=1&amp;b=2">linkiem</a></p>',
        url: 'https://agora.example/news/1?x=1&y=2',
        published: new Date('2026-11-19T08:00:00Z'),
        updated: new Date('2026-11-20T09:00:00Z'),
        author: 'Krzysztof Koordynator',
        category: 'Dębowiec',
      },
    ],
  });

describe('Atom feed', () => {
  it('escapes the XML specials and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('is an Atom 1.0 document with the required elements', () => {
    const xml = feed();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    for (const tag of ['<id>', '<title>', '<updated>', '<link rel="self"', '<entry>', '<author><name>']) expect(xml).toContain(tag);
  });

  it('parses with an independent XML parser and reads back exactly what went in', () => {
    const xml = feed();
    // xmldom forgives a bare '&' and control characters, which XML does not: check those here.
    expect(xml).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const parsed = parseIndependently(xml);
    expect(parsed.root).toBe('{http://www.w3.org/2005/Atom}feed');
    expect(parsed.title).toBe('Agora – Aktualności');
    expect(parsed.entries).toEqual([
      {
        id: 'https://agora.example/news/1',
        title: 'Warsztaty <b>"strategiczne"</b> & konsultacje – Żmigród',
        summary: "Zapraszamy: 'wszyscy' mile widziani < > &",
        content: '<p>Treść z <a href="https://x.pl/?a=1&amp;b=2">linkiem</a></p>',
        updated: '2026-11-20T09:00:00.000Z',
        published: '2026-11-19T08:00:00.000Z',
        link: 'https://agora.example/news/1?x=1&y=2',
      },
    ]);
  });
});

describe('the independent parser', () => {
  it('refuses a document that is not well-formed (so the check above can fail)', () => {
    expect(() => parseIndependently('<feed xmlns="http://www.w3.org/2005/Atom"><title>a</feed>')).toThrow();
    expect(() => parseIndependently('<feed xmlns="http://www.w3.org/2005/Atom"><link href="a" href="b"/></feed>')).toThrow();
  });
});
