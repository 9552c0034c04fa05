import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DocumentPage } from '@/components/layout/document-page';
import { pageSite, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('privacy'))('title') };
}

/** The RODO (GDPR Art. 13) information clause for accounts, surveys and cookies. */
export default async function PrivacyPage({ params }: { params: SiteParams }) {
  await pageSite(params);
  return (
    <DocumentPage
      namespace="privacy"
      sections={[['controller'], ['account'], ['surveys'], ['cookies'], ['rights'], ['recipients']]}
    />
  );
}
