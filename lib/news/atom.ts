// Atom 1.0 (RFC 4287), written by hand. Every text goes through escapeXml; the article body goes
// in as escaped HTML (type="html"), rendered by the same safe Markdown function as the page.

export interface AtomEntry {
  id: string;
  title: string;
  summary: string;
  html: string;
  url: string;
  published: Date;
  updated: Date;
  author: string;
  category?: string;
}

/** Escapes the five XML specials and drops characters XML 1.0 cannot hold. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function buildAtomFeed({
  id,
  title,
  subtitle,
  selfUrl,
  pageUrl,
  updated,
  entries,
  language,
}: {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  pageUrl: string;
  updated: Date;
  entries: AtomEntry[];
  language: string;
}): string {
  const e = escapeXml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(language)}">`,
    `  <id>${e(id)}</id>`,
    `  <title>${e(title)}</title>`,
    `  <subtitle>${e(subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${e(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(pageUrl)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <generator>Agora</generator>`,
  ];
  for (const entry of entries) {
    lines.push(
      '  <entry>',
      `    <id>${e(entry.id)}</id>`,
      `    <title type="text">${e(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${e(entry.url)}"/>`,
      `    <published>${entry.published.toISOString()}</published>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
      `    <author><name>${e(entry.author)}</name></author>`,
      ...(entry.category ? [`    <category term="${e(entry.category)}"/>`] : []),
      `    <summary type="text">${e(entry.summary)}</summary>`,
      `    <content type="html">${e(entry.html)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
