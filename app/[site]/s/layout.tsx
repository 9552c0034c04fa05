import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';

export default function SurveyFillLayout({ children }: { children: ReactNode }) {
  // Only the words the questionnaire uses: the builder's and the office's stay on the server.
  return <ClientMessages namespaces={['surveys.fill', 'surveys.device', 'surveys.ageGroups', 'surveys.respondentTypes']}>{children}</ClientMessages>;
}
