import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';

/**
 * A page of prose from the catalogue: a title, an intro and titled sections, where each section
 * `x` has the keys `xTitle` and `x`. Used by the accessibility statement and the privacy policy.
 */
export async function DocumentPage({ namespace, sections }: { namespace: 'accessibility' | 'privacy'; sections: string[][] }) {
  const t = await getTranslations(namespace);
  const text = (key: string) => t(key as never);
  return (
    <article className="max-w-3xl space-y-6">
      <PageHeader title={text('title')} lead={text('intro')} />
      {sections.map(([key, ...more]) => (
        <section key={key} aria-labelledby={`section-${key}`} className="space-y-2">
          <h2 id={`section-${key}`}>{text(`${key}Title`)}</h2>
          {(more.length ? more : [key!]).map((paragraph) => (
            <p key={paragraph}>{text(paragraph)}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
