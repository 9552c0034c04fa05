import type { ReactNode } from 'react';

/**
 * The page's one h1 with an optional lead paragraph; `lang` when the title is in another language
 * than the page (a Polish thread title in an English page). Both break inside a word that does not
 * fit (an e-mail address, a long link): on a phone it would otherwise widen the whole page.
 */
export function PageHeader({ title, lead, lang, children }: { title: string; lead?: ReactNode; lang?: string; children?: ReactNode }) {
  return (
    <header className="mb-6 space-y-2">
      <h1 lang={lang} className="break-words">
        {title}
      </h1>
      {lead ? <p className="max-w-3xl break-words text-lg text-muted">{lead}</p> : null}
      {children}
    </header>
  );
}
