import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ForumForm } from '@/components/forum/forum-form';
import { PageHeader } from '@/components/ui/page-header';
import { listManagedMemberships } from '@/lib/forum/membership-queries';
import { decideAction, endMembershipAction } from '../actions';
import { load, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.applications'))('title') };
}

export default async function ApplicationsPage() {
  const user = await signedIn('/forum/applications');
  const managed = await load(listManagedMemberships({ actor: user }));
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const who = (m: (typeof managed.pending)[number]) => `${t(`forum.representation.${m.representation}`)}: ${m.localityName ?? m.organisation ?? ''}`;
  return (
    <div className="space-y-8">
      <PageHeader title={t('forum.applications.title')} lead={t('forum.applications.lead')} />
      <section aria-labelledby="pending-heading" className="space-y-4">
        <h2 id="pending-heading">{t('forum.applications.pending')}</h2>
        {managed.pending.length === 0 ? (
          <p>{t('forum.applications.none')}</p>
        ) : (
          <ul className="space-y-4">
            {managed.pending.map((m) => (
              <li key={m.id} className="rounded-md border border-gray-300 p-4">
                <h3>{m.userName}</h3>
                <p>
                  {m.communeName} · {who(m)} · {t('forum.applications.submittedAt')} {format.dateTime(m.createdAt, 'dateTime')}
                </p>
                {m.statement ? <p className="text-muted">{m.statement}</p> : null}
                <ForumForm
                  form="decide"
                  id={`decide-${m.id}`}
                  action={decideAction}
                  fields={[
                    { kind: 'hidden', name: 'membershipId', value: String(m.id) },
                    {
                      kind: 'radio',
                      name: 'decision',
                      legend: `${t('forum.applications.decision')} – ${m.userName}`,
                      options: [
                        { value: 'approve', label: t('forum.applications.approve') },
                        { value: 'reject', label: t('forum.applications.reject') },
                      ],
                    },
                    { kind: 'text', name: 'reason', label: t('forum.applications.reason'), maxLength: 1000 },
                  ]}
                  defaultValues={{ decision: 'approve' }}
                  submit={t('common.save')}
                  success={t('forum.applications.decided')}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="members-heading" className="space-y-4">
        <h2 id="members-heading">{t('forum.applications.members')}</h2>
        {managed.approved.length === 0 ? (
          <p>{t('forum.applications.noMembers')}</p>
        ) : (
          <ul className="space-y-4">
            {managed.approved.map((m) => (
              <li key={m.id} className="rounded-md border border-gray-300 p-4">
                <h3>{m.userName}</h3>
                <p>
                  {m.communeName} · {who(m)}
                </p>
                <details>
                  <summary className="cursor-pointer font-semibold text-brand-700">
                    {t('forum.applications.end')}
                    <span className="sr-only"> – {m.userName}</span>
                  </summary>
                  <div className="pt-2">
                    <ForumForm
                      form="endMembership"
                      id={`end-${m.id}`}
                      action={endMembershipAction}
                      fields={[
                        { kind: 'hidden', name: 'membershipId', value: String(m.id) },
                        { kind: 'text', name: 'reason', label: t('forum.applications.endReason'), required: true, maxLength: 1000 },
                      ]}
                      submit={t('forum.applications.end')}
                      success={t('forum.applications.ended')}
                      variant="danger"
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
