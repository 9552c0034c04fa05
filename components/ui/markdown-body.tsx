import { getLocale } from 'next-intl/server';
import { polishContent } from '@/lib/i18n/content-lang';

/**
 * The one way a page shows user-written text (posts, consultations, meeting descriptions and
 * minutes, news): the HTML lib/markdown rendered once when the text was written and stored beside
 * it (renderMarkdown escapes every tag a user typed). Nothing here parses Markdown.
 */
export async function MarkdownBody({ html, className = '' }: { html: string; className?: string }) {
  // .user-text (app/globals.css) styles its quotes, code and lists. Written in Polish: marked so in
  // a page in another language (lib/i18n/content-lang.ts).
  return <div lang={polishContent(await getLocale())} className={className ? `user-text ${className}` : 'user-text'} dangerouslySetInnerHTML={{ __html: html }} />;
}
