import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function AccountLayout({ children }: { children: ReactNode }) {
  // Signed-in pages only: the forms fetch the field errors once rather than every page carrying them.
  return (
    <ClientMessages namespaces={['account', 'auth', 'mailPages']} audience="signed-in">
      {children}
    </ClientMessages>
  );
}
