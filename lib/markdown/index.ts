import { micromark } from 'micromark';
import { gfmStrikethrough, gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { escapeHtml } from '@/lib/html';
import { markdownProblem } from './limits';

export { markdownProblem, MARKDOWN_MAX_LENGTH, MARKDOWN_MAX_NESTING } from './limits';

/**
 * The one way user-written Markdown (posts, consultations, meeting descriptions and minutes, news)
 * becomes HTML, called once when the text is written; the HTML is stored beside its source
 * (`*_html` columns) and pages show it through components/ui/markdown-body.tsx without parsing.
 *
 * micromark escapes every raw HTML tag and drops links with dangerous protocols (javascript:,
 * data:, …); on top of that we switch off images (remote images would track readers) and headings
 * (they would break the page's outline), and mark links as user content that opens nothing
 * privileged. The result is safe to pass to dangerouslySetInnerHTML.
 *
 * Bounded: a source over the limits of lib/markdown/limits.ts (size, nesting, markers) is never
 * parsed. The forms refuse such text at the field; one that reaches here anyway (an old row cooked
 * by db/cook.ts) is shown as escaped plain text.
 */
export function renderMarkdown(source: string): string {
  if (markdownProblem(source) !== null) return plainTextHtml(source.slice(0, 200_000));
  const html = micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfmStrikethrough({ singleTilde: false }), { disable: { null: ['labelStartImage', 'headingAtx', 'setextUnderline', 'htmlFlow', 'htmlText'] } }],
    htmlExtensions: [gfmStrikethroughHtml()],
  });
  return html.replace(/<a href="/g, '<a rel="nofollow ugc noopener noreferrer" href="');
}

/** Text that is not rendered as Markdown: escaped, in paragraphs by blank lines. */
function plainTextHtml(source: string): string {
  return source
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br />')}</p>`)
    .join('\n');
}

/** Plain text of stored HTML (from renderMarkdown), for search snippets, feeds and notifications. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a page shows of a stored text: its cooked HTML; a row not cooked yet (inserted by hand, or
 * before db/prepare.ts ran) shows its source as escaped plain text. Never parses Markdown.
 */
export function storedHtml(html: string | null | undefined, source: string): string {
  return html ?? plainTextHtml(source);
}
