import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';
import { ForumNav } from '@/components/forum/forum-nav';
import { pageSite, type SiteParams } from '@/app/_http/page-site';

/** The forum's client forms are for signed-in people only, and read no more of its words than the quota refusal. */
export default async function ForumLayout({ children, params }: { children: ReactNode; params: SiteParams }) {
  // The language first: the menu's words are looked up at once, and a kept page (rendered with no
  // request, so no cookie to fall back on) would otherwise be made in Polish whatever its site.
  await pageSite(params);
  return (
    <div>
      <ForumNav />
      <ClientMessages namespaces={['forum.quota']} audience="signed-in">
        {children}
      </ClientMessages>
    </div>
  );
}
