import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/layout/client-messages';
import { ForumNav } from '@/components/forum/forum-nav';

export default function ForumLayout({ children }: { children: ReactNode }) {
  return (
    <div>
      <ForumNav />
      <ClientMessages namespaces={['forum']}>{children}</ClientMessages>
    </div>
  );
}
