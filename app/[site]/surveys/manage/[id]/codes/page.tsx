import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import * as z from 'zod';
import { listInvitationCodes } from '@/lib/surveys/queries';
import { load, signedIn } from '@/app/_http/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('surveys'))('codes.title') };
}

/** A printable sheet of one batch of codes: cut along the lines, one slip per resident. */
export default async function CodesSheetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const batch = z.coerce.number().int().positive().catch(1).parse((await searchParams).batch);
  const user = await signedIn(`/surveys/manage/${id}/codes?batch=${batch}`);
  const data = await load(listInvitationCodes({ actor: user, surveyId: id, batch }));
  const [t, locale] = await Promise.all([getTranslations('surveys.codes'), getLocale()]);
  const title = locale === 'en' && data.survey.titleEn ? data.survey.titleEn : data.survey.titlePl;
  return (
    <div className="space-y-4">
      <div className="no-print space-y-2">
        <h1>{t('sheet', { batch })}</h1>
        <p>{t('printHint')}</p>
        <p>
          <Link href={`/surveys/manage/${id}`}>{t('back')}</Link>
        </p>
      </div>
      <ul className="grid grid-cols-1 gap-0 sm:grid-cols-2 print:grid-cols-2" aria-label={t('sheet', { batch })}>
        {data.codes.map(({ code, usedAt }) => (
          <li key={code} className="break-inside-avoid border border-dashed border-gray-500 p-4">
            <p className="font-semibold">{title}</p>
            <p className="text-sm">{t('slipText', { address: `/s/${data.survey.slug}` })}</p>
            <p className="font-mono text-2xl tracking-widest">{code}</p>
            {usedAt ? <p className="no-print text-sm text-muted">{t('used')}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
