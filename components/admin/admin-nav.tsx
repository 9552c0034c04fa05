import { NavLinks } from '@/components/layout/nav-links';

/** The administration sections; the overview is current only on /admin itself, not below it. */
export function AdminNav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  return <NavLinks items={items} label={label} variant="section" exact="/admin" />;
}
