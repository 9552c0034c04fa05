import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { LocalityCreateForm } from '@/components/admin/locality-create-form';
import { RenameForm } from '@/components/admin/rename-form';
import { PageHeader } from '@/components/ui/page-header';
import { getCommune, listLocalities } from '@/lib/admin/queries';
import { createLocalityAction, renameCommuneAction, renameLocalityAction, setCommuneActiveAction, setLocalityActiveAction } from '../../actions';
import { load, routeId, signedIn } from '@/app/_http/page-guard';
import { canAdminister } from '@/lib/auth/permissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('commune.title') };
}

export default async function AdminCommunePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const actor = await signedIn(`/admin/communes/${rawId}`, canAdminister);
  const id = routeId(rawId);
  const commune = await load(getCommune({ actor, id }));
  const localities = await listLocalities({ actor, communeId: id });
  const t = await getTranslations();

  return (
    <div className="space-y-10">
      <PageHeader title={commune.name} lead={`${t(`communeKind.${commune.kind}`)} · ${commune.active ? t('admin.active') : t('admin.inactive')}`}>
        <p>
          <Link href="/admin/communes">{t('admin.commune.backToList')}</Link>
        </p>
      </PageHeader>

      <section aria-labelledby="commune-settings" className="space-y-4">
        <h2 id="commune-settings">{t('admin.commune.settings')}</h2>
        <p>
          {t('admin.communes.slug')}: <code>{commune.slug}</code>
        </p>
        <RenameForm action={renameCommuneAction} target="commune" id={commune.id} name={commune.name} />
        <p className="text-muted">{commune.active ? t('admin.commune.deactivateHint') : t('admin.commune.activateHint')}</p>
        <ActionButton
          action={setCommuneActiveAction}
          fields={{ id: String(commune.id), active: String(!commune.active) }}
          label={commune.active ? t('admin.deactivate') : t('admin.activate')}
          variant={commune.active ? 'danger' : 'secondary'}
        />
      </section>

      <section aria-labelledby="localities" className="space-y-4">
        <h2 id="localities">{t('admin.localities.title')}</h2>
        {localities.length === 0 ? (
          <p role="status">{t('admin.localities.empty')}</p>
        ) : (
          <DataTable caption={t('admin.localities.caption', { commune: commune.name })} columns={[t('admin.localities.name'), t('admin.localities.kind'), t('admin.communes.state'), t('admin.actions')]}>
                {localities.map((locality) => (
                  <tr key={locality.id} className={rowClass}>
                    <th scope="row" className="px-2 py-2 font-normal">{locality.name}</th>
                    <td className="px-2 py-2">{t(`localityKind.${locality.kind}`)}</td>
                    <td className="px-2 py-2">{locality.active ? t('admin.active') : t('admin.inactive')}</td>
                    <td className="space-y-2 px-2 py-2">
                      <details>
                        <summary className="cursor-pointer font-semibold text-brand-700">
                          {t('admin.rename')}
                          <span className="sr-only"> – {locality.name}</span>
                        </summary>
                        <div className="pt-2">
                          <RenameForm action={renameLocalityAction} target="locality" id={locality.id} name={locality.name} />
                        </div>
                      </details>
                      <ActionButton
                        action={setLocalityActiveAction}
                        fields={{ id: String(locality.id), active: String(!locality.active) }}
                        label={locality.active ? t('admin.deactivate') : t('admin.activate')}
                        context={locality.name}
                      />
                    </td>
                  </tr>
                ))}
              </DataTable>
        )}
        <h3>{t('admin.localities.addTitle')}</h3>
        <LocalityCreateForm action={createLocalityAction} communeId={commune.id} defaultKind={commune.kind === 'urban' ? 'neighbourhood' : 'village'} />
      </section>
    </div>
  );
}
