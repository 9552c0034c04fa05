import type { ReactNode } from 'react';

/** The page's one h1 with an optional lead paragraph. */
export function PageHeader({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  return (
    <header className="mb-6 space-y-2">
      <h1>{title}</h1>
      {lead ? <p className="max-w-3xl text-lg text-muted">{lead}</p> : null}
      {children}
    </header>
  );
}
