import type { Segment } from '@/lib/search/highlight';

/** Search-result text with its matches in <mark>; React escapes every segment. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}
