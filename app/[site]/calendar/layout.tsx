import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function CalendarLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['meetings']}>{children}</ClientMessages>;
}
