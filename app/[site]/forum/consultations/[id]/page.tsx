import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ForumForm } from '@/components/forum/forum-form';
import { MarkdownBody } from '@/components/ui/markdown-body';
import { DataTable, rowClass } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { getCurrentUser } from '@/lib/auth';
import { getConsultation } from '@/lib/forum/consultation-queries';
import { POSITIONS } from '@/lib/forum/schema';
import { summaryAction, takePositionAction } from '../../actions';
import { load, parseId, routeId } from '@/app/_http/page-guard';
import { ConsultationMailSection } from '@/components/mail/consultation-mail-section';
import { canCoordinate } from '@/lib/forum/permissions';
import { polishContent } from '@/lib/i18n/content-lang';
import { Attachments } from '@/components/documents/attachments';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const view = id ? await getConsultation({ viewer: null, consultationId: id }).catch(() => null) : null;
  return { title: view?.consultation.title ?? (await getTranslations('forum.consultations'))('title') };
}

export default async function ConsultationPage({ params }: Props) {
  const id = routeId((await params).id);
  const viewer = await getCurrentUser();
  const view = await load(getConsultation({ viewer, consultationId: id }));
  const { consultation, opinion } = view;
  const [t, format, locale] = await Promise.all([getTranslations('forum'), getFormatter(), getLocale()]);
  const when = (date: Date) => format.dateTime(date, 'longDateTime');
  const positionLabel = (p: string) => t(`consultations.positions.${p as (typeof POSITIONS)[number]}`);

  return (
    <div className="space-y-8">
      <PageHeader title={consultation.title} lang={polishContent(locale)} lead={`${consultation.communeName ?? t('filters.county')} · ${consultation.closed ? t('consultations.closed') : t('consultations.open')}`}>
        <p role="status">{consultation.closed ? t('consultations.closedAt', { date: when(consultation.deadline) }) : t('consultations.closesAt', { date: when(consultation.deadline) })}</p>
        <p>
          <Link href={`/forum/threads/${consultation.threadId}`}>{t('consultations.discussion')}</Link>
        </p>
      </PageHeader>
      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading">{t('consultations.bodyLabel')}</h2>
        <MarkdownBody html={consultation.bodyHtml} className="rounded-md border border-gray-300 p-4" />
      </section>

      <Attachments viewer={viewer} parent={{ type: 'consultation', id: consultation.id }} communeId={consultation.communeId} />

      {!consultation.closed ? (
        <section aria-labelledby="position-heading" className="space-y-3">
          <h2 id="position-heading">{t('consultations.yourPosition')}</h2>
          <p>{view.total === 0 ? t('consultations.none') : t('consultations.total', { count: view.total })}</p>
          {view.mine ? <p>{t('consultations.yourCurrent', { position: positionLabel(view.mine.position), date: when(view.mine.updatedAt) })}</p> : null}
          {view.mayTakePosition ? (
            <ForumForm
              form="position"
              action={takePositionAction}
              fields={[
                { kind: 'hidden', name: 'consultationId', value: String(id) },
                { kind: 'radio', name: 'position', legend: t('consultations.positionLegend'), options: POSITIONS.map((p) => ({ value: p, label: positionLabel(p) })) },
                { kind: 'textarea', name: 'justification', label: t('consultations.justification'), required: true, rows: 5 },
              ]}
              defaultValues={view.mine ? { position: view.mine.position, justification: view.mine.justification } : {}}
              submit={t('consultations.save')}
              success={t('consultations.saved')}
            />
          ) : (
            <p className="text-muted">{t('consultations.membersOnly')}</p>
          )}
        </section>
      ) : null}

      {opinion ? (
        <section aria-labelledby="opinion-heading" className="space-y-6">
          <h2 id="opinion-heading">{t('consultations.opinion')}</h2>
          <DataTable caption={t('consultations.byPositionCaption')} showCaption fitContent columns={[t('consultations.positionLegend'), t('consultations.count')]}>
            {POSITIONS.map((p) => (
              <tr key={p} className={rowClass}>
                <th scope="row" className="px-2 py-2 font-normal">{positionLabel(p)}</th>
                <td className="px-2 py-2">{format.number(opinion.byPosition[p] ?? 0)}</td>
              </tr>
            ))}
          </DataTable>
          <DataTable
            caption={t('consultations.breakdownCaption')}
            showCaption
            columns={[t('consultations.commune'), t('consultations.representation'), t('consultations.positionLegend'), t('consultations.count')]}
          >
            {opinion.counts.map((c, i) => (
              <tr key={i} className={rowClass}>
                <th scope="row" className="px-2 py-2 font-normal">{c.communeName}</th>
                <td className="px-2 py-2">{t(`representation.${c.representation}`)}</td>
                <td className="px-2 py-2">{positionLabel(c.position)}</td>
                <td className="px-2 py-2">{format.number(c.n)}</td>
              </tr>
            ))}
          </DataTable>
          <div className="space-y-2">
            <h3>{t('consultations.justifications')}</h3>
            <ul className="space-y-2">
              {opinion.justifications.map((j) => (
                <li key={j.id} className="rounded-md border border-gray-300 p-3">
                  <p className="font-semibold">
                    {positionLabel(j.position)} – {j.userName} ({j.communeName}, {t(`representation.${j.representation}`)})
                  </p>
                  <p lang={polishContent(locale)} className="whitespace-pre-line">
                    {j.justification}
                  </p>
                </li>
              ))}
            </ul>
          </div>
          <div className="space-y-2">
            <h3>{t('consultations.summary')}</h3>
            {consultation.summaryHtml ? <MarkdownBody html={consultation.summaryHtml} /> : <p className="text-muted">{t('consultations.noSummary')}</p>}
            {view.maySummarise ? (
              <ForumForm
                form="summary"
                action={summaryAction}
                fields={[
                  { kind: 'hidden', name: 'consultationId', value: String(id) },
                  { kind: 'textarea', name: 'summary', label: t('consultations.summaryLabel'), required: true, rows: 6 },
                ]}
                defaultValues={{ summary: consultation.summary ?? '' }}
                submit={t('consultations.summarySave')}
              />
            ) : null}
          </div>
        </section>
      ) : null}
      {viewer && canCoordinate(viewer, consultation.communeId) ? <ConsultationMailSection actor={viewer} consultationId={id} /> : null}
    </div>
  );
}
