import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotReady } from '@/components/layout/not-ready';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sections'))('news') };
}

export default function Page() {
  return <NotReady section="news" />;
}
