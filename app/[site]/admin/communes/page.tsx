import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { getTranslations } from 'next-intl/server';
import { CommuneCreateForm } from '@/components/admin/commune-create-form';
import { PageHeader } from '@/components/ui/page-header';
import { listCommunes } from '@/lib/admin/queries';
import { createCommuneAction } from '../actions';
import { signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('communes.title') };
}

export default async function AdminCommunesPage() {
  const actor = await signedIn('/admin/communes', canAdminister);
  const t = await getTranslations();
  const communes = await listCommunes({ actor });

  return (
    <div className="space-y-10">
      <PageHeader title={t('admin.communes.title')} lead={t('admin.communes.lead')} />

      {communes.length === 0 ? (
        <p role="status">{t('admin.communes.empty')}</p>
      ) : (
        <DataTable caption={t('admin.communes.caption')} columns={[t('admin.communes.name'), t('admin.communes.slug'), t('admin.communes.kind'), t('admin.communes.localities'), t('admin.communes.state')]}>
              {communes.map((commune) => (
                <tr key={commune.id} className={rowClass}>
                  <th scope="row" className="px-2 py-2 font-normal">
                    <Link href={`/admin/communes/${commune.id}`}>{commune.name}</Link>
                  </th>
                  <td className="px-2 py-2">
                    <code>{commune.slug}</code>
                  </td>
                  <td className="px-2 py-2">{t(`communeKind.${commune.kind}`)}</td>
                  <td className="px-2 py-2">
                    {t('admin.communes.localityCount', { active: commune.activeLocalityCount, total: commune.localityCount })}
                  </td>
                  <td className="px-2 py-2">{commune.active ? t('admin.active') : t('admin.inactive')}</td>
                </tr>
              ))}
            </DataTable>
      )}

      <section aria-labelledby="add-commune" className="space-y-3">
        <h2 id="add-commune">{t('admin.communes.addTitle')}</h2>
        <CommuneCreateForm action={createCommuneAction} />
      </section>
    </div>
  );
}
