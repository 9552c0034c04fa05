import Link from 'next/link';
import type { ViewerAccount } from '@/components/viewer/viewer-store';

/**
 * The header's links to a signed-in reader's notifications (with how many are unread) and account
 * (with their name): one markup for the page rendered for them (site-header.tsx) and for the
 * members' kept page (components/viewer/member-account.tsx), where `account` is null until their
 * part is read and `fallback` names the account link meanwhile.
 */
export function AccountLinks({ notifications, account, fallback }: { notifications: string; account: ViewerAccount | null; fallback: string }) {
  return (
    <>
      <Link href="/forum/notifications" prefetch={false} className="inline-flex items-center gap-1 rounded-md px-3 py-2 font-semibold">
        {notifications}
        {account && account.unread > 0 ? (
          <span className="rounded-full bg-danger px-2 text-sm text-white">
            {account.unread}
            <span className="sr-only"> ({account.unreadLabel})</span>
          </span>
        ) : null}
      </Link>
      <Link href="/account" prefetch={false} className="rounded-md px-3 py-2 font-semibold">
        {account ? (
          <>
            <span className="sr-only">{account.label}</span>
            <span aria-hidden="true">{account.name}</span>
          </>
        ) : (
          fallback
        )}
      </Link>
    </>
  );
}
