import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function SurveysLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['surveys']}>{children}</ClientMessages>;
}
