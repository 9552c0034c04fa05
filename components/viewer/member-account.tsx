'use client';

import Link from 'next/link';
import { NavLinks } from '@/components/layout/nav-links';
import { useViewer, type ViewerLink } from './viewer-store';

/**
 * The header's account links on a members' kept page: rendered for no one in particular with the
 * words every signed-in reader sees ("Powiadomienia", "Moje konto"), then given the reader's name
 * and unread count once their part is read (components/viewer/viewer-store.ts).
 */
export function MemberAccount({ notifications, account }: { notifications: string; account: string }) {
  const { account: mine, signedOut } = useViewer();
  if (signedOut) return null;
  return (
    <>
      <Link href="/forum/notifications" prefetch={false} className="inline-flex items-center gap-1 rounded-md px-3 py-2 font-semibold">
        {notifications}
        {mine && mine.unread > 0 ? (
          <span className="rounded-full bg-danger px-2 text-sm text-white">
            {mine.unread}
            <span className="sr-only"> ({mine.unreadLabel})</span>
          </span>
        ) : null}
      </Link>
      <Link href="/account" prefetch={false} className="rounded-md px-3 py-2 font-semibold">
        {mine ? (
          <>
            <span className="sr-only">{mine.label}</span>
            <span aria-hidden="true">{mine.name}</span>
          </>
        ) : (
          account
        )}
      </Link>
    </>
  );
}

/** The site menu of a members' kept page: everyone's links, then those the reader's roles add. */
export function MemberNavLinks({ items, label }: { items: ViewerLink[]; label: string }) {
  const extra = useViewer().account?.siteLinks ?? [];
  return <NavLinks items={[...items, ...extra]} label={label} />;
}

/** The forum menu's links the reader's roles add, after everyone's. */
export function MemberForumLinks({ className }: { className: string }) {
  const links = useViewer().account?.forumLinks ?? [];
  return links.map((link) => (
    <li key={link.href}>
      <Link href={link.href} prefetch={false} className={className}>
        {link.label}
      </Link>
    </li>
  ));
}
