import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DownloadLink, FileSummary } from '@/components/documents/file-summary';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { communeOptions, FilterSelect, ListFilters } from '@/components/ui/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { KeysetPagination } from '@/components/ui/pagination';
import { getCurrentUser } from '@/lib/auth';
import { canPublishDocuments } from '@/lib/documents/permissions';
import { listDocuments } from '@/lib/documents/queries';
import { DOCUMENT_KINDS, documentFiltersSchema } from '@/lib/documents/schema';
import { listActiveCommunes, listServiceAreas } from '@/lib/places/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('documents'))('title') };
}

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const filters = documentFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const viewer = await getCurrentUser();
  const [t, format, locale, communes, areas, page] = await Promise.all([
    getTranslations('documents'),
    getFormatter(),
    getLocale(),
    listActiveCommunes(),
    listServiceAreas(),
    listDocuments({ viewer, filters }),
  ]);
  const areaName = (a: { namePl: string | null; nameEn: string | null }) => (locale === 'en' ? a.nameEn : a.namePl);
  const query = new URLSearchParams();
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.commune !== undefined) query.set('commune', String(filters.commune));
  if (filters.area !== undefined) query.set('area', String(filters.area));

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')}>
        {canPublishDocuments(viewer) ? (
          <p>
            <Link href="/documents/new" className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white">
              {t('add')}
            </Link>
          </p>
        ) : null}
      </PageHeader>

      <ListFilters legend={t('filters.legend')} apply={t('filters.apply')} clear={query.size > 0 ? { href: '/documents', label: t('filters.clear') } : null}>
        <FilterSelect name="kind" label={t('filters.kind')} value={filters.kind} all={t('filters.all')} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <FilterSelect
          name="commune"
          label={t('filters.commune')}
          value={filters.commune}
          all={t('filters.all')}
          options={communeOptions(t('filters.county'), communes)}
        />
        <FilterSelect name="area" label={t('filters.area')} value={filters.area} all={t('filters.all')} options={areas.map((a) => ({ value: a.id, label: areaName(a) ?? '' }))} />
      </ListFilters>

      <p role="status" className="sr-only">
        {t('list.count', { count: page.documents.length })}
      </p>
      {page.documents.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <DataTable caption={t('list.caption')} columns={[t('list.document'), t('list.kind'), t('list.place'), t('list.file'), t('list.updated')]}>
          {page.documents.map((d) => (
            <tr key={d.id} className={rowClass}>
              <th scope="row" className="px-2 py-2 font-normal">
                <Link href={`/documents/${d.id}`} className="font-semibold">
                  {d.title}
                </Link>
                <div className="text-sm text-muted">
                  {[d.visibility === 'members' ? t('visibility.members') : null, d.versionCount > 1 ? t('list.versions', { count: d.versionCount }) : null].filter(Boolean).join(' · ')}
                </div>
              </th>
              <td className="px-2 py-2">{t(`kinds.${d.kind}`)}</td>
              <td className="px-2 py-2">{[d.communeName ?? t('county'), d.serviceAreaId !== null ? areaName({ namePl: d.areaNamePl, nameEn: d.areaNameEn }) : null].filter(Boolean).join(' · ')}</td>
              <td className="px-2 py-2">
                <FileSummary contentType={d.contentType} size={d.size} pageCount={d.pageCount} />
                <br />
                <DownloadLink documentId={d.id} fileName={d.fileName} contentType={d.contentType} />
              </td>
              <td className="px-2 py-2">{format.dateTime(d.updatedAt, { dateStyle: 'medium' })}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <KeysetPagination
        firstHref={filters.cursor ? `/documents${query.size ? `?${query}` : ''}` : null}
        nextHref={page.nextCursor ? `/documents?${new URLSearchParams({ ...Object.fromEntries(query), cursor: page.nextCursor })}` : null}
        nextLabel={t('list.more')}
      />
    </div>
  );
}
