import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function DocumentsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['documents']}>{children}</ClientMessages>;
}
