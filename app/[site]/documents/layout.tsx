import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

/** The section's client forms are for signed-in people only (a visitor's pages carry none of their words). */
export default function DocumentsLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['documents']} audience="signed-in">
      {children}
    </ClientMessages>
  );
}
