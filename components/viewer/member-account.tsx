'use client';

import Link from 'next/link';
import { AccountLinks } from '@/components/layout/account-links';
import { NavLinks } from '@/components/layout/nav-links';
import { useViewer, type ViewerLink } from './viewer-store';

/**
 * The header's account links on a members' kept page: rendered for no one in particular ("Moje
 * konto"), then given the reader's name and unread count once their part is read — or a link to
 * sign in again when the session has ended since the page was asked for.
 */
export function MemberAccount({ notifications, fallback, signIn }: { notifications: string; fallback: string; signIn: string }) {
  const { account, signedOut } = useViewer();
  return signedOut ? (
    <Link href="/sign-in" prefetch={false} className="rounded-md px-3 py-2 font-semibold">
      {signIn}
    </Link>
  ) : (
    <AccountLinks notifications={notifications} account={account} fallback={fallback} />
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
