import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ArticleListItem } from '@/lib/news/queries';
import { polishContent } from '@/lib/i18n/content-lang';

/** Articles as cards: date, commune, title (the link) and lead. */
export async function ArticleList({ articles, headingLevel = 2 }: { articles: ArticleListItem[]; headingLevel?: 2 | 3 }) {
  const t = await getTranslations('news');
  const format = await getFormatter();
  const lang = polishContent(await getLocale());
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="space-y-4">
      {articles.map((article) => (
        <li key={article.id} className="rounded-lg border-2 border-brand-100 bg-white p-4">
          <p className="text-sm text-muted">
            <time dateTime={article.publishedAt.toISOString()}>{format.dateTime(article.publishedAt, { dateStyle: 'long' })}</time>
            {' · '}
            {article.communeName ?? t('county')}
          </p>
          <Heading className="text-lg">
            <Link href={`/news/${article.id}`} lang={lang}>
              {article.title}
            </Link>
          </Heading>
          <p lang={lang}>{article.lead}</p>
        </li>
      ))}
    </ul>
  );
}
