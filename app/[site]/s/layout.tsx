import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function SurveyFillLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['surveys']}>{children}</ClientMessages>;
}
