import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { requestCountyValues } from '@/lib/county';

const text = (chunks: ReactNode): string => (Array.isArray(chunks) ? chunks.join('') : String(chunks));

/**
 * Marks in the texts: e-mail addresses and phone numbers become links; the accessibility
 * statement's body and dates carry the element ids of the statutory template (the ministry's
 * monitoring reads a11y-podmiot, a11y-data-publikacja and the like from the page).
 */
function mailLink(id?: string) {
  return function MailLink(chunks: ReactNode) {
    return (
      <a id={id} href={`mailto:${text(chunks)}`}>
        {chunks}
      </a>
    );
  };
}
function telLink(id?: string) {
  return function TelLink(chunks: ReactNode) {
    return (
      <a id={id} href={`tel:${text(chunks).replace(/[^+0-9]/g, '')}`}>
        {chunks}
      </a>
    );
  };
}
const MARKS = {
  mail: mailLink(),
  contactMail: mailLink('a11y-email'),
  contactTel: telLink('a11y-telefon'),
  entity: (chunks: ReactNode) => <span id="a11y-podmiot">{chunks}</span>,
  person: (chunks: ReactNode) => <span id="a11y-osoba">{chunks}</span>,
  published: (chunks: ReactNode) => <span id="a11y-data-publikacja">{chunks}</span>,
  updated: (chunks: ReactNode) => <span id="a11y-data-aktualizacja">{chunks}</span>,
  prepared: (chunks: ReactNode) => <span id="a11y-data-sporzadzenie">{chunks}</span>,
};

/**
 * A page of prose from the catalogue: a title, an intro and titled sections, where each section
 * `x` has the keys `xTitle` and `x`. Used by the accessibility statement and the privacy policy;
 * the county's names, contacts and dates come from the deployment file.
 */
export async function DocumentPage({ namespace, sections }: { namespace: 'accessibility' | 'privacy'; sections: string[][] }) {
  const [t, county] = await Promise.all([getTranslations(namespace), requestCountyValues()]);
  const rich = (key: string) => t.rich(key as never, { ...county, ...MARKS } as never);
  return (
    <article className="max-w-3xl space-y-6">
      <PageHeader title={t('title' as never)} lead={rich('intro')} />
      {sections.map(([key, ...more]) => (
        <section key={key} aria-labelledby={`section-${key}`} className="space-y-2">
          <h2 id={`section-${key}`}>{t(`${key}Title` as never)}</h2>
          {(more.length ? more : [key!]).map((paragraph) => (
            <p key={paragraph}>{rich(paragraph)}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
