import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml } from './atom';

// An independent XML parser: Python's expat (xml.etree), when python3 is on the machine. The e2e
// spec parses the served feed again with the browser's DOMParser.
const python = spawnSync('python3', ['--version']).status === 0;

function parseWithPython(xml: string) {
  const script = `
import sys, json, xml.etree.ElementTree as ET
ns = {'a': 'http://www.w3.org/2005/Atom'}
root = ET.fromstring(sys.stdin.buffer.read())
out = {'root': root.tag, 'title': root.find('a:title', ns).text, 'entries': []}
for e in root.findall('a:entry', ns):
    out['entries'].append({k: (e.find('a:' + k, ns).text) for k in ['id', 'title', 'summary', 'content', 'updated', 'published']})
    out['entries'][-1]['link'] = e.find('a:link', ns).get('href')
print(json.dumps(out))
`;
  const result = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { root: string; title: string; entries: Record<string, string>[] };
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

  it.skipIf(!python)('parses with an independent XML parser and reads back exactly what went in', () => {
    const parsed = parseWithPython(feed());
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
