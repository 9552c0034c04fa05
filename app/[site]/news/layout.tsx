import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function NewsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['news']}>{children}</ClientMessages>;
}
