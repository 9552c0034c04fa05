import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['account', 'auth', 'mailPages']}>{children}</ClientMessages>;
}
