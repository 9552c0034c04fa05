import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';
import { ForumNav } from '@/components/forum/forum-nav';
import { getCurrentUser } from '@/lib/auth';

export default async function ForumLayout({ children }: { children: ReactNode }) {
  // The forum's client forms are for signed-in people only, and read no more of the forum's words
  // than the quota refusal: a visitor's pages carry none of them, nor the field errors.
  const viewer = await getCurrentUser().catch(() => null);
  return (
    <div>
      <ForumNav />
      {viewer ? (
        <ClientMessages namespaces={['forum.quota']} fieldErrors="fetched">
          {children}
        </ClientMessages>
      ) : (
        children
      )}
    </div>
  );
}
