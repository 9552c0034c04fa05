import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { ForumForm } from '@/components/forum/forum-form';
import { PageHeader } from '@/components/ui/page-header';
import { getMyMembership, listAllActiveLocalities } from '@/lib/forum/membership-queries';
import { listActiveCommunes } from '@/lib/places/queries';
import { applyAction, stepDownAction } from '../actions';
import { signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forum.membership'))('title') };
}

export default async function MembershipPage() {
  const user = await signedIn('/forum/membership');
  const [t, format, mine, communes, localities] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getMyMembership({ actor: user }),
    listActiveCommunes(),
    listAllActiveLocalities(),
  ]);
  const live = mine && (mine.status === 'pending' || mine.status === 'approved');
  return (
    <div className="space-y-8">
      <PageHeader title={t('forum.membership.title')} lead={t('forum.membership.lead')} />
      {mine ? (
        <section aria-labelledby="current-membership" className="space-y-3">
          <h2 id="current-membership">{t('forum.membership.current')}</h2>
          <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t('forum.membership.statusLabel')}</dt>
            <dd>{t(`forum.status.${mine.status}`)}</dd>
            <dt className="font-semibold">{t('forum.membership.commune')}</dt>
            <dd>{mine.communeName}</dd>
            <dt className="font-semibold">{t('forum.membership.as')}</dt>
            <dd>
              {t(`forum.representation.${mine.representation}`)}: {mine.localityName ?? mine.organisation}
            </dd>
            {mine.decisionReason ? (
              <>
                <dt className="font-semibold">{t('forum.membership.reason')}</dt>
                <dd>{mine.decisionReason}</dd>
              </>
            ) : null}
            {mine.endReason ? (
              <>
                <dt className="font-semibold">{t('forum.membership.endReason')}</dt>
                <dd>{mine.endReason}</dd>
              </>
            ) : null}
            {mine.decidedAt ? (
              <>
                <dt className="font-semibold">{t('forum.members.since')}</dt>
                <dd>{format.dateTime(mine.decidedAt, { dateStyle: 'long' })}</dd>
              </>
            ) : null}
          </dl>
          {live ? (
            <>
              <p className="text-muted">{t('forum.membership.stepDownHint')}</p>
              <ActionButton
                action={stepDownAction}
                fields={{ membershipId: String(mine.id) }}
                label={mine.status === 'pending' ? t('forum.membership.withdraw') : t('forum.membership.stepDown')}
                variant="danger"
              />
            </>
          ) : null}
        </section>
      ) : null}
      {!live ? (
        <section aria-labelledby="apply-heading" className="space-y-3">
          <h2 id="apply-heading">{t('forum.membership.applyTitle')}</h2>
          <ForumForm
            form="apply"
            action={applyAction}
            fields={[
              {
                kind: 'select',
                name: 'communeId',
                label: t('forum.membership.commune'),
                required: true,
                options: [{ value: '', label: t('forum.membership.chooseCommune') }, ...communes.map((c) => ({ value: String(c.id), label: c.name }))],
              },
              {
                kind: 'radio',
                name: 'representation',
                legend: t('forum.membership.representationLegend'),
                options: (['locality', 'ngo', 'business'] as const).map((r) => ({ value: r, label: t(`forum.representation.${r}`) })),
              },
              {
                kind: 'select',
                name: 'localityId',
                label: t('forum.membership.locality'),
                hint: t('forum.membership.localityHint'),
                required: true,
                filterBy: 'communeId',
                options: [
                  { value: '', label: t('forum.membership.chooseLocality') },
                  ...localities.map((l) => ({ value: String(l.id), label: `${l.name} (${t(`localityKind.${l.kind}`)})`, group: String(l.communeId) })),
                ],
              },
              { kind: 'text', name: 'organisation', label: t('forum.membership.organisation'), required: true, maxLength: 200 },
              { kind: 'textarea', name: 'statement', label: t('forum.membership.statement'), rows: 3 },
            ]}
            visibleWhen={{ localityId: ['representation', ['locality']], organisation: ['representation', ['ngo', 'business']] }}
            defaultValues={{ representation: 'locality' }}
            submit={t('forum.membership.submit')}
            success={t('forum.membership.submitted')}
          />
        </section>
      ) : null}
    </div>
  );
}
