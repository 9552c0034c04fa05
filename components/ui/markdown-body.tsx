/**
 * The one way a page shows user-written text (posts, consultations, meeting descriptions and
 * minutes, news): the HTML lib/markdown rendered once when the text was written and stored beside
 * it (renderMarkdown escapes every tag a user typed). Nothing here parses Markdown.
 */
export function MarkdownBody({ html, className = '' }: { html: string; className?: string }) {
  // .user-text (app/globals.css) styles its quotes, code and lists.
  return <div className={className ? `user-text ${className}` : 'user-text'} dangerouslySetInnerHTML={{ __html: html }} />;
}
