import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function ReviewLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['freeText']}>{children}</ClientMessages>;
}
