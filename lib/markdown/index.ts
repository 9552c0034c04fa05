import { micromark } from 'micromark';
import { gfmStrikethrough, gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';

/**
 * The one way user-written Markdown (posts, meeting descriptions, news) becomes HTML. micromark
 * escapes every raw HTML tag and drops links with dangerous protocols (javascript:, data:, …);
 * on top of that we switch off images (remote images would track readers) and headings (they
 * would break the page's outline), and mark links as user content that opens nothing privileged.
 * The result is safe to pass to dangerouslySetInnerHTML.
 */
export function renderMarkdown(source: string): string {
  const html = micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfmStrikethrough({ singleTilde: false }), { disable: { null: ['labelStartImage', 'headingAtx', 'setextUnderline', 'htmlFlow', 'htmlText'] } }],
    htmlExtensions: [gfmStrikethroughHtml()],
  });
  return html.replace(/<a href="/g, '<a rel="nofollow ugc noopener noreferrer" href="');
}

/** Plain text of a Markdown source, for search snippets, feeds and notifications. */
export function markdownToText(source: string): string {
  return renderMarkdown(source)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
