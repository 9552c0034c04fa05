import type { ReactNode } from 'react';

/** The page's one h1 with an optional lead paragraph; `lang` when the title is in another language than the page (a Polish thread title in an English page). */
export function PageHeader({ title, lead, lang, children }: { title: string; lead?: ReactNode; lang?: string; children?: ReactNode }) {
  return (
    <header className="mb-6 space-y-2">
      <h1 lang={lang}>{title}</h1>
      {lead ? <p className="max-w-3xl text-lg text-muted">{lead}</p> : null}
      {children}
    </header>
  );
}
