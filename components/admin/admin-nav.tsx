'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The administration sections; the overview is current only on /admin itself, not below it. */
export function AdminNav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-gray-300 pb-2">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const current = item.href === '/admin' ? pathname === '/admin' : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 font-semibold no-underline ${current ? 'bg-brand-100 text-brand-800' : 'text-brand-700 hover:bg-brand-50'}`}
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
