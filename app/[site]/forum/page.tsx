import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { communeOptions, FilterSelect, ListFilters } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { ViewerThreadTitle, ViewerUnread, ViewerWritePrompt } from '@/components/viewer/forum-list';
import { KeysetPagination } from '@/components/ui/pagination';
import { canWrite } from '@/lib/forum/permissions';
import { getSeat } from '@/lib/forum/seat';
import { listThreads } from '@/lib/forum/thread-queries';
import { forumIndexParamsSchema } from '@/lib/forum/schema';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';
import { pageSite, searchOf, viewerOf, type SiteParams } from '@/app/_http/page-site';
import { polishContent } from '@/lib/i18n/content-lang';

export async function generateMetadata({ params }: { params: SiteParams }): Promise<Metadata> {
  await pageSite(params);
  return { title: (await getTranslations('sections'))('forum') };
}

export default async function ForumIndexPage({ params: route, searchParams }: { params: SiteParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const site = await pageSite(route);
  const params = forumIndexParamsSchema.parse(await searchOf(site, searchParams));
  const viewer = await viewerOf(site);
  // The members' kept variant is rendered for every signed-in reader: what is theirs (may they
  // start a thread, what is unread) is filled in after it (components/viewer/).
  const members = site.audience === 'members';
  const signedIn = viewer !== null || members;
  const [t, format, locale, communes, areas, page, seat] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    listActiveCommunes(),
    listServiceAreas(),
    listThreads({ viewer, commune: params.commune, areaId: params.area, cursor: params.cursor }),
    viewer ? getSeat(viewer.id) : Promise.resolve(null),
  ]);
  const areaName = (a: { namePl: string; nameEn: string }) => (locale === 'en' ? a.nameEn : a.namePl);
  const mayWriteSomewhere = canWrite(viewer, seat, null);
  const newThread = (
    <Link href="/forum/threads/new" prefetch={false} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white">
      {t('forum.links.newThread')}
    </Link>
  );
  const joinToWrite = <p className="text-muted">{t('forum.index.joinToWrite')}</p>;
  const query = new URLSearchParams();
  if (params.commune !== undefined) query.set('commune', String(params.commune));
  if (params.area !== undefined) query.set('area', String(params.area));

  return (
    <div className="space-y-6">
      <PageHeader title={t('sections.forum')} lead={t('forum.lead')}>
        <div className="flex flex-wrap gap-3">
          {members ? <ViewerWritePrompt write={newThread} join={joinToWrite} /> : mayWriteSomewhere ? newThread : viewer ? joinToWrite : <p className="text-muted">{t('forum.index.signInToWrite')}</p>}
          {signedIn ? <Link href="/forum/notifications" prefetch={false}>{t('forum.links.notifications')}</Link> : null}
        </div>
      </PageHeader>

      <ListFilters legend={t('forum.filters.legend')} apply={t('forum.filters.apply')} clear={query.size > 0 ? { href: '/forum', label: t('forum.filters.clear') } : null}>
        <FilterSelect
          name="commune"
          label={t('forum.filters.commune')}
          value={params.commune}
          all={t('forum.filters.all')}
          options={communeOptions(t('forum.filters.county'), communes)}
        />
        <FilterSelect name="area" label={t('forum.filters.area')} value={params.area} all={t('forum.filters.all')} options={areas.map((a) => ({ value: a.id, label: areaName(a) }))} />
      </ListFilters>

      <p role="status" className="sr-only">
        {t('forum.index.count', { count: page.threads.length })}
      </p>
      {page.threads.length === 0 ? (
        <p>{t('forum.index.empty')}</p>
      ) : (
        // On a phone the commune, the number of posts and what is unread join the line under the
        // title: five columns left each title a word per line and pushed the last post's time off
        // the screen.
        <DataTable
          caption={t('forum.index.caption')}
          columns={[t('forum.index.thread'), t('forum.index.place'), t('forum.index.posts'), ...(signedIn ? [t('forum.index.unread')] : []), t('forum.index.lastPost')]}
          phoneHidden={signedIn ? [1, 2, 3] : [1, 2]}
        >
          {page.threads.map((thread) => {
            const tags = [
              thread.pinned ? t('forum.index.pinned') : null,
              thread.locked ? t('forum.index.locked') : null,
              thread.consultationId ? t('forum.index.consultation') : null,
              ...thread.areas.map(areaName),
            ].filter(Boolean);
            return (
              <tr key={thread.id} className={rowClass}>
                <th scope="row" className="px-2 py-2 font-normal">
                  {members ? (
                    <ViewerThreadTitle thread={thread.id}>
                      <Link href={`/forum/threads/${thread.id}`} prefetch={false} lang={polishContent(locale)}>
                        {thread.title}
                      </Link>
                    </ViewerThreadTitle>
                  ) : (
                    <Link href={`/forum/threads/${thread.id}`} prefetch={false} lang={polishContent(locale)} className={thread.unread ? 'font-bold' : 'font-semibold'}>
                      {thread.title}
                    </Link>
                  )}
                  <div className="text-sm text-muted">
                    {tags.join(' · ')}
                    <span className="sm:hidden">
                      {tags.length > 0 ? ' · ' : ''}
                      {thread.communeName ?? t('forum.filters.county')} · {t('forum.index.postCount', { count: thread.postCount })}
                      {members ? <ViewerUnread thread={thread.id} inline /> : null}
                      {viewer && thread.unread ? <strong className="text-ink"> · {t('forum.index.unreadCount', { count: thread.unread })}</strong> : null}
                    </span>
                  </div>
                </th>
                <td className="hidden px-2 py-2 sm:table-cell">{thread.communeName ?? t('forum.filters.county')}</td>
                <td className="hidden px-2 py-2 sm:table-cell">{format.number(thread.postCount)}</td>
                {signedIn ? (
                  <td className="hidden px-2 py-2 sm:table-cell">{members ? <ViewerUnread thread={thread.id} /> : thread.unread ? t('forum.index.unreadCount', { count: thread.unread }) : '—'}</td>
                ) : null}
                <td className="px-2 py-2">{format.dateTime(thread.lastPostAt, 'dateTime')}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <KeysetPagination
        firstHref={params.cursor ? `/forum${query.size ? `?${query}` : ''}` : null}
        nextHref={page.nextCursor ? `/forum?${new URLSearchParams({ ...Object.fromEntries(query), cursor: page.nextCursor })}` : null}
        nextLabel={t('forum.index.more')}
      />
    </div>
  );
}
