import { getLocale } from 'next-intl/server';
import { polishContent } from '@/lib/i18n/content-lang';

/**
 * The one way a page shows user-written text (posts, consultations, meeting descriptions and
 * minutes, news): the HTML lib/markdown rendered once when the text was written and stored beside
 * it (renderMarkdown escapes every tag a user typed). Nothing here parses Markdown.
 */
export async function MarkdownBody({ html, className = '' }: { html: string; className?: string }) {
  // Written in Polish: marked so in a page in another language (lib/i18n/content-lang.ts).
  return <div lang={polishContent(await getLocale())} className={`space-y-3 break-words [&_blockquote]:border-l-4 [&_blockquote]:border-gray-300 [&_blockquote]:pl-3 [&_blockquote]:text-muted [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
