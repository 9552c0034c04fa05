import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { GenerateCodesForm } from '@/components/surveys/generate-codes-form';
import { PageHeader } from '@/components/ui/page-header';
import { getSurveyForOffice } from '@/lib/surveys/queries';
import { changeStatusAction, copySurveyAction, generateCodesAction } from '../actions';
import { load, signedIn } from '@/app/_http/page-guard';
import { ZONE } from '@/lib/local-time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('office') };
}

export default async function SurveyOfficeDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await signedIn(`/surveys/manage/${id}`);
  const data = await load(getSurveyForOffice({ actor: user, id }));
  const { survey, responses, codes, can, accepting, communes } = data;
  const [t, format, locale] = await Promise.all([getTranslations('surveys'), getFormatter(), getLocale()]);
  const title = locale === 'en' && survey.titleEn ? survey.titleEn : survey.titlePl;
  const questionCount = survey.definition.sections.reduce((n, s) => n + s.questions.length, 0);
  const status = (transition: 'publish' | 'close' | 'reopen' | 'archive', variant: 'primary' | 'secondary' | 'danger' = 'secondary') => (
    <ActionButton action={changeStatusAction} fields={{ surveyId: survey.id, transition }} label={t(`manage.actions.${transition}`)} variant={variant} />
  );
  return (
    <div className="space-y-8">
      <PageHeader title={title}>
        <p>
          <Link href="/surveys/manage">{t('manage.backToList')}</Link>
        </p>
      </PageHeader>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('manage.status')}</dt>
        <dd>
          {t(`status.${survey.status}`)}
          {survey.status === 'open' && !accepting ? ` (${t('manage.outsideDates')})` : ''}
        </dd>
        <dt className="font-semibold">{t('manage.address')}</dt>
        <dd>{survey.status === 'draft' ? `/s/${survey.slug}` : <a href={`/s/${survey.slug}`}>/s/{survey.slug}</a>}</dd>
        <dt className="font-semibold">{t('manage.mode')}</dt>
        <dd>{t(`modes.${survey.responseMode}`)}</dd>
        <dt className="font-semibold">{t('manage.communes')}</dt>
        <dd>{communes === 'all' ? t('manage.allCommunes') : communes.join(', ')}</dd>
        <dt className="font-semibold">{t('manage.structure')}</dt>
        <dd>{t('manage.structureCount', { sections: survey.definition.sections.length, questions: questionCount })}</dd>
        <dt className="font-semibold">{t('manage.responses')}</dt>
        <dd>
          <span data-testid="response-count">{format.number(responses.total)}</span> {t('manage.byChannel', { online: responses.online, paper: responses.paper })}
        </dd>
        {survey.closesAt ? (
          <>
            <dt className="font-semibold">{t('manage.closesAt')}</dt>
            <dd>{format.dateTime(survey.closesAt, 'longDateTime', { timeZone: ZONE })}</dd>
          </>
        ) : null}
      </dl>

      {can.manage ? (
        <section aria-labelledby="survey-actions" className="space-y-3">
          <h2 id="survey-actions">{t('manage.actionsTitle')}</h2>
          {responses.total > 0 ? <p className="text-sm text-muted">{t('manage.frozenNote')}</p> : null}
          <div className="flex flex-wrap items-start gap-3">
            {survey.status !== 'archived' ? (
              <Link href={`/surveys/manage/${survey.id}/edit`} className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 px-4 py-2 font-semibold">
                {responses.total === 0 ? t('manage.actions.edit') : t('manage.actions.translate')}
              </Link>
            ) : null}
            <Link href={`/surveys/manage/${survey.id}/preview`} className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 px-4 py-2 font-semibold">
              {t('manage.actions.preview')}
            </Link>
            {survey.status === 'draft' ? status('publish', 'primary') : null}
            {survey.status === 'open' ? status('close') : null}
            {survey.status === 'closed' ? status('reopen') : null}
            {survey.status === 'closed' || survey.status === 'draft' ? status('archive', 'danger') : null}
            <ActionButton action={copySurveyAction} fields={{ surveyId: survey.id }} label={t('manage.actions.copy')} />
          </div>
        </section>
      ) : null}

      {can.paper && survey.status !== 'draft' ? (
        <section aria-labelledby="paper-entry" className="space-y-2">
          <h2 id="paper-entry">{t('paper.title')}</h2>
          <p>{t('paper.lead')}</p>
          <Link href={`/surveys/manage/${survey.id}/paper`}>{t('paper.open')}</Link>
        </section>
      ) : null}

      {can.export ? (
        <section aria-labelledby="export" className="space-y-2">
          <h2 id="export">{t('export.title')}</h2>
          <p>{t('export.lead')}</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              <a href={`/surveys/manage/${survey.id}/export?format=csv`} download>
                {t('export.csv')}
              </a>
            </li>
            <li>
              <a href={`/surveys/manage/${survey.id}/export?format=csv&dialect=plain`} download>
                {t('export.csvPlain')}
              </a>
            </li>
            <li>
              <a href={`/surveys/manage/${survey.id}/export?format=codebook`} download>
                {t('export.codebook')}
              </a>
            </li>
            <li>
              <a href={`/surveys/manage/${survey.id}/export?format=json`} download>
                {t('export.json')}
              </a>
            </li>
          </ul>
        </section>
      ) : null}

      {can.invitations && survey.responseMode === 'invitation' ? (
        <section aria-labelledby="codes" className="space-y-3">
          <h2 id="codes">{t('codes.title')}</h2>
          <p>{t('codes.summary', { total: codes.total, used: codes.used })}</p>
          {codes.batches.length > 0 ? (
            <ul className="list-disc pl-5">
              {codes.batches.map((batch) => (
                <li key={batch}>
                  <Link href={`/surveys/manage/${survey.id}/codes?batch=${batch}`}>{t('codes.sheet', { batch })}</Link>
                </li>
              ))}
            </ul>
          ) : null}
          {survey.status === 'draft' || survey.status === 'open' ? <GenerateCodesForm action={generateCodesAction} surveyId={survey.id} /> : null}
        </section>
      ) : null}
    </div>
  );
}
