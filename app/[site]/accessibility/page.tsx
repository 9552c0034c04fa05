import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DocumentPage } from '@/components/layout/document-page';
import { pageSite, type SiteParams } from '@/app/_http/page-site';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('accessibility'))('title') };
}

/** The deklaracja dostępności every Polish public body's site must link (ustawa o dostępności cyfrowej). */
export default async function AccessibilityPage({ params }: { params: SiteParams }) {
  await pageSite(params);
  return (
    <DocumentPage
      namespace="accessibility"
      sections={[['dates', 'published', 'updated'], ['status', 'status', 'gaps'], ['prepared'], ['features'], ['feedback'], ['complaints'], ['architecture']]}
    />
  );
}
