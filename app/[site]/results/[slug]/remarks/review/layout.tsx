import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

/** Staff pages only: the review's forms fetch the field errors once rather than every page carrying them. */
export default function ReviewLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['freeText']} audience="signed-in">
      {children}
    </ClientMessages>
  );
}
