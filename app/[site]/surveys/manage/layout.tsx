import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

/**
 * The survey office's client forms (builder, codes, paper entry, preview) read the surveys' words.
 * Staff pages only: the forms fetch the field errors once rather than every page carrying them.
 * The residents' list of open surveys (../page.tsx) has no client form and carries none of this.
 */
export default function SurveyOfficeLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={['surveys']} audience="signed-in">
      {children}
    </ClientMessages>
  );
}
