import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DocumentPage } from '@/components/layout/document-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('privacy'))('title') };
}

/** The RODO (GDPR Art. 13) information clause for accounts, surveys and cookies. */
export default function PrivacyPage() {
  return (
    <DocumentPage
      namespace="privacy"
      sections={[['controller'], ['account'], ['surveys'], ['cookies'], ['rights'], ['recipients']]}
    />
  );
}
