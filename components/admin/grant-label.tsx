import { useTranslations } from 'next-intl';
import type { Role } from '@/lib/auth/permissions';

/** "koordynator – gmina Tarnowiec" / "analityk – cały powiat". */
export function GrantLabel({ role, communeName }: { role: Role; communeName: string | null }) {
  const t = useTranslations('roles');
  return (
    <>
      {t(role)} – {communeName === null ? t('scopeCounty') : t('scopeCommune', { commune: communeName })}
    </>
  );
}
