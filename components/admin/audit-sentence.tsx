import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { AuditSubject } from '@/lib/admin/audit-subjects';
import type { AdminAuditEntry } from '@/lib/admin/queries';
import { polishContent } from '@/lib/i18n/content-lang';
import { grammaticalGender } from '@/lib/i18n/grammatical-gender';

// Targets whose names are texts people wrote (in Polish), not names of people or places.
const WRITTEN = new Set(['meeting', 'article', 'thread', 'post', 'consultation', 'survey']);

/**
 * One audit entry as a sentence: who did what to which object, with links ("Anna Kowalska
 * opublikowała wyniki ankiety „Diagnoza potrzeb”"), and a reason when the entry has one. Polish
 * verbs agree with the person's grammatical gender (lib/i18n/grammatical-gender.ts). An action the
 * catalogue (admin.auditSentences) does not know yet is still told: who, its label or code, what.
 */
export async function AuditSentence({ entry }: { entry: AdminAuditEntry }) {
  const t = await getTranslations();
  type Key = Parameters<typeof t>[0];
  const locale = await getLocale();
  const { subjects } = entry;
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);

  const actorName = entry.actorId === null ? t('admin.audit.systemActor') : entry.actorStatus === 'deleted' || !entry.actorName ? t('common.deletedUser') : entry.actorName;
  const subjectName = (s: AuditSubject | undefined, fallback = '') => (s?.deleted ? t('common.deletedUser') : s?.name || fallback);
  const link = (s: AuditSubject | undefined, lang?: 'pl') => {
    const Tag = (chunks: ReactNode) => {
      const inner = lang ? <span lang={lang}>{chunks}</span> : chunks;
      return s?.href ? <Link href={s.href}>{inner}</Link> : <>{inner}</>;
    };
    return Tag;
  };
  const surveyShown = (s: AuditSubject | undefined) => (locale === 'en' && s?.nameEn ? 'en' : 'pl');
  const targetName = entry.targetType === 'survey' && surveyShown(subjects.target) === 'en' ? subjects.target!.nameEn! : subjectName(subjects.target, entry.targetId ? `#${entry.targetId}` : '—');
  const targetLang = WRITTEN.has(entry.targetType) ? polishContent(locale, entry.targetType === 'survey' ? surveyShown(subjects.target) : 'pl') : undefined;
  // mail.unsubscribe is done by its target through a link in an e-mail: the sentence's subject.
  const gender = entry.action === 'mail.unsubscribe' ? grammaticalGender(subjects.target?.name) : entry.actorId === null ? 'male' : grammaticalGender(entry.actorStatus === 'deleted' ? null : entry.actorName);
  const d = entry.details;
  const role = str(d.role);
  const roleKey = `roles.${role}` as Key;
  const kindKey = `mailPages.kinds.${str(d.kind)}.label` as Key;
  const values = {
    actorName,
    gender,
    targetName,
    userName: subjectName(subjects.user, '—'),
    communeName: subjectName(subjects.commune, '—'),
    surveyName: locale === 'en' && subjects.survey?.nameEn ? subjects.survey.nameEn : subjectName(subjects.survey, '—'),
    number: subjects.number ?? 0,
    from: str(d.from),
    to: str(d.to),
    days: num(d.days),
    count: num(d.count ?? d.addresses),
    reports: num(d.reports),
    status: str(d.status),
    role: role && t.has(roleKey) ? t(roleKey) : role,
    scope: subjects.commune ? t('roles.scopeCommune', { commune: subjects.commune.name }) : t('roles.scopeCounty'),
    kind: t.has(kindKey) ? t(kindKey) : str(d.kind),
    actor: link(entry.actorId && entry.actorStatus !== 'deleted' ? { name: actorName, href: `/admin/users/${entry.actorId}` } : undefined),
    target: link(subjects.target, targetLang),
    user: link(subjects.user),
    commune: link(subjects.commune),
    survey: link(subjects.survey, polishContent(locale, surveyShown(subjects.survey))),
  };

  const key = `admin.auditSentences.${entry.action}` as Key;
  const labelKey = `admin.auditActions.${entry.action}` as Key;
  const known = entry.action.includes('.') && t.has(key);
  const action = entry.action.includes('.') && t.has(labelKey) ? t(labelKey) : entry.action;
  const sentence = known
    ? t.rich(key, values)
    : t.rich(entry.targetId ? 'admin.audit.genericTarget' : 'admin.audit.generic', { ...values, action });
  const reason = str(d.reason).trim();
  return (
    <>
      {sentence}
      {reason ? (
        <>
          {'. '}
          <span lang={polishContent(locale)}>{t('admin.audit.reason', { reason })}</span>
        </>
      ) : null}
    </>
  );
}
