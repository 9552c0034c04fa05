import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Highlighted } from '@/components/search/highlighted';
import type { ArticleSearchHit } from '@/lib/news/queries';
import { polishContent } from '@/lib/i18n/content-lang';

/** Articles found by a search: date, commune, the title (the link) and a snippet, matches marked. */
export async function ArticleSearchResults({ hits }: { hits: ArticleSearchHit[] }) {
  const t = await getTranslations('news');
  const format = await getFormatter();
  const lang = polishContent(await getLocale());
  return (
    <ul className="space-y-4">
      {hits.map((hit) => (
        <li key={hit.id} className="rounded-lg border-2 border-brand-100 bg-white p-4">
          <p className="text-sm text-muted">
            <time dateTime={hit.publishedAt.toISOString()}>{format.dateTime(hit.publishedAt, { dateStyle: 'long' })}</time>
            {' · '}
            {hit.communeName ?? t('county')}
          </p>
          <h2 className="text-lg">
            <Link href={`/news/${hit.id}`} lang={lang}>
              <Highlighted segments={hit.titleSegments} />
            </Link>
          </h2>
          <p lang={lang}>
            <Highlighted segments={hit.snippet} />
          </p>
        </li>
      ))}
    </ul>
  );
}
