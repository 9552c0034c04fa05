'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const styles = {
  /** The site header: the current section filled in. */
  site: { nav: undefined, current: 'bg-brand-700 text-white hover:text-white', other: 'text-brand-800 hover:bg-brand-50' },
  /** A section's own menu under the header (administration): lighter, with a rule below. */
  section: { nav: 'mb-6 border-b border-gray-300 pb-2', current: 'bg-brand-100 text-brand-800', other: 'text-brand-700 hover:bg-brand-50' },
} as const;

/**
 * A row of navigation links; the current one is marked for screen readers and sighted users alike.
 * A link is current on its own page and the pages below it; `exact` names one that is current only
 * on itself (an overview whose sections are the other links, like /admin).
 */
export function NavLinks({
  items,
  label,
  variant = 'site',
  exact = '/',
}: {
  items: { href: string; label: string }[];
  label: string;
  variant?: keyof typeof styles;
  exact?: string;
}) {
  // Null only while a pages/ page is prerendered without a path, which the survey's is not.
  const pathname = usePathname() ?? '';
  const style = styles[variant];
  return (
    <nav aria-label={label} className={style.nav}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const current = item.href === exact ? pathname === exact : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                prefetch={false}
                aria-current={current ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 font-semibold no-underline ${current ? style.current : style.other}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
