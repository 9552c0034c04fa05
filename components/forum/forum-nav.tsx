import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getCurrentUser } from '@/lib/auth';
import { forMembers } from '@/lib/page-audience';
import { viewerAccount } from '@/components/layout/viewer-account';
import { MemberForumLinks } from '@/components/viewer/member-account';

const LINK = 'inline-block py-1 font-semibold';

/** The forum's own menu, under the site header on every forum page. */
export async function ForumNav() {
  const t = await getTranslations('forum.links');
  const label = (await getTranslations('forum'))('sectionNav');
  const user = await getCurrentUser().catch(() => null);
  const links = [
    { href: '/forum', label: t('discussions') },
    { href: '/forum/consultations', label: t('consultations') },
    { href: '/forum/scorecards', label: t('scorecards') },
    { href: '/forum/members', label: t('members') },
    { href: '/forum/search', label: t('search') },
    ...(user ? (await viewerAccount(user)).forumLinks : []),
  ];
  return (
    <nav aria-label={label} className="mb-6 border-b border-gray-300 pb-3">
      <ul className="flex flex-wrap gap-x-4 gap-y-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} prefetch={false} className={LINK}>
              {link.label}
            </Link>
          </li>
        ))}
        {/* A members' kept page: the reader's own links are read after it (components/viewer/). */}
        {forMembers() ? <MemberForumLinks className={LINK} /> : null}
      </ul>
    </nav>
  );
}
