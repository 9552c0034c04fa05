/** HTML produced by lib/markdown's renderMarkdown (which escapes every tag a user typed). */
export function MarkdownBody({ html, className = '' }: { html: string; className?: string }) {
  return <div className={`space-y-3 break-words [&_blockquote]:border-l-4 [&_blockquote]:border-gray-300 [&_blockquote]:pl-3 [&_blockquote]:text-muted [&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
