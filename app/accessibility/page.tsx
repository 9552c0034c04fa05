import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DocumentPage } from '@/components/layout/document-page';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accessibility'))('title') };
}

/** The deklaracja dostępności every Polish public body's site must link (ustawa o dostępności cyfrowej). */
export default function AccessibilityPage() {
  return (
    <DocumentPage
      namespace="accessibility"
      sections={[['dates', 'published', 'updated'], ['status', 'status', 'gaps'], ['prepared'], ['features'], ['feedback'], ['complaints'], ['architecture']]}
    />
  );
}
