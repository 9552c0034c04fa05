import { renderMarkdown } from '@/lib/markdown';

/** User Markdown (meeting descriptions, minutes, articles), through the one safe renderer. */
export function MarkdownBody({ source }: { source: string }) {
  return (
    <div
      className="space-y-3 [&_blockquote]:border-l-4 [&_blockquote]:border-gray-300 [&_blockquote]:pl-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
