import type { ReactNode } from 'react';
import { ForumNav } from '@/components/forum/forum-nav';

export default function ForumLayout({ children }: { children: ReactNode }) {
  return (
    <div>
      <ForumNav />
      {children}
    </div>
  );
}
