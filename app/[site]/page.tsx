import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { MeetingList } from '@/components/meetings/meeting-list';
import { ArticleList } from '@/components/news/article-list';
import { PageHeader } from '@/components/ui/page-header';
import { listNextMeetings } from '@/lib/meetings/queries';
import { listLatestArticles } from '@/lib/news/queries';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';
import { pageSite, type SiteParams } from '@/app/_http/page-site';
import { requestCountyValues } from '@/lib/county';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  const t = await getTranslations();
  return {
    alternates: {
      types: {
        'application/atom+xml': [{ url: '/news/feed.xml', title: t('news.feedTitle') }],
        'text/calendar': [{ url: '/calendar/feed.ics', title: t('meetings.subscribe.county') }],
      },
    },
  };
}

export default async function HomePage({ params }: { params: SiteParams }) {
  await pageSite(params);
  const t = await getTranslations();
  const locale = await getLocale();
  const [areas, communeList, nextMeetings, latestNews] = await Promise.all([
    listServiceAreas(),
    listActiveCommunes(),
    listNextMeetings({ limit: 3 }),
    listLatestArticles({ limit: 3 }),
  ]);
  const cards = [
    { href: '/forum', title: t('home.forumTitle'), body: t('home.forumBody') },
    { href: '/surveys', title: t('home.surveysTitle'), body: t('home.surveysBody') },
    { href: '/results', title: t('home.resultsTitle'), body: t('home.resultsBody') },
    { href: '/calendar', title: t('home.calendarTitle'), body: t('home.calendarBody') },
  ];
  return (
    <div className="space-y-10">
      <PageHeader title={t('home.title')} lead={t('home.lead', await requestCountyValues())} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <li key={card.href} className="rounded-lg border-2 border-brand-100 bg-white p-4 shadow-sm">
            <h2 className="mb-1">
              <Link href={card.href}>{card.title}</Link>
            </h2>
            <p className="text-muted">{card.body}</p>
          </li>
        ))}
      </ul>
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="next-meetings" className="space-y-3">
          <h2 id="next-meetings">{t('meetings.home.title')}</h2>
          {nextMeetings.length ? <MeetingList meetings={nextMeetings} /> : <p>{t('meetings.home.empty')}</p>}
          <p>
            <Link href="/calendar">{t('meetings.home.all')}</Link>
          </p>
        </section>
        <section aria-labelledby="latest-news" className="space-y-3">
          <h2 id="latest-news">{t('news.home.title')}</h2>
          {latestNews.length ? <ArticleList articles={latestNews} headingLevel={3} /> : <p>{t('news.home.empty')}</p>}
          <p>
            <Link href="/news">{t('news.home.all')}</Link>
          </p>
        </section>
      </div>
      <section aria-labelledby="areas" className="space-y-3">
        <h2 id="areas">{t('home.areasTitle')}</h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {areas.map((area) => (
            <li key={area.slug} className="rounded-md bg-brand-50 p-3">
              <p className="font-semibold">{locale === 'en' ? area.nameEn : area.namePl}</p>
              <p className="text-sm text-muted">{locale === 'en' ? area.descriptionEn : area.descriptionPl}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="communes" className="space-y-3">
        <h2 id="communes">{t('home.communesTitle')}</h2>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
          {communeList.map((commune) => (
            <li key={commune.slug}>
              <span className="font-semibold">{commune.name}</span>
              <span className="block text-sm text-muted">{t(`communeKind.${commune.kind}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
