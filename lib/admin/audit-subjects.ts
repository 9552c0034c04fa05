import 'server-only';
import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles, communes, consultations, localities, meetings, memberships, posts, surveys, threads, users } from '@/db/schema';
import { postHref } from '@/lib/forum/links';

/**
 * What an audit entry is about, by name: the log stores codes and ids (action "results.publish",
 * target survey 3f2c…, details {communeId: 4}); the audit page says "Anna Kowalska published the
 * results of the survey “Diagnoza potrzeb”", with links. Names are today's (a renamed commune shows
 * its new name; the log's details keep what was written then); an object since deleted keeps the
 * name the entry wrote down, if any, else it stays a number.
 */
export interface AuditSubject {
  name: string;
  /** The object's page, when it still exists and has one. */
  href?: string;
  /** A person who has since deleted their account. */
  deleted?: boolean;
  /** Survey titles, when there is an English one. */
  nameEn?: string;
}

export interface AuditSubjects {
  target?: AuditSubject;
  /** The member an action on a membership concerns. */
  user?: AuditSubject;
  /** The commune of a membership, a role or a new locality. */
  commune?: AuditSubject;
  /** The survey copied (survey.copy) or whose answer was reviewed (free_text.*). */
  survey?: AuditSubject;
  /** A post's number in its thread. */
  number?: number;
}

interface Entry {
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT = /^[1-9][0-9]{0,9}$/;
const asInt = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : typeof v === 'string' && INT.test(v) ? Number(v) : undefined);
const asUuid = (v: unknown): string | undefined => (typeof v === 'string' && UUID.test(v) ? v : undefined);
const asText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** Collects ids by kind, then loads each kind in one query. */
class Wanted {
  users = new Set<string>();
  surveys = new Set<string>();
  ints: Record<'communes' | 'localities' | 'meetings' | 'articles' | 'threads' | 'posts' | 'memberships' | 'consultations', Set<number>> = {
    communes: new Set(),
    localities: new Set(),
    meetings: new Set(),
    articles: new Set(),
    threads: new Set(),
    posts: new Set(),
    memberships: new Set(),
    consultations: new Set(),
  };
  user(v: unknown) {
    const id = asUuid(v);
    if (id) this.users.add(id);
  }
  survey(v: unknown) {
    const id = asUuid(v);
    if (id) this.surveys.add(id);
  }
  int(kind: keyof Wanted['ints'], v: unknown) {
    const id = asInt(v);
    if (id) this.ints[kind].add(id);
  }
}

const TARGET_TABLE: Record<string, keyof Wanted['ints']> = {
  commune: 'communes',
  locality: 'localities',
  meeting: 'meetings',
  article: 'articles',
  thread: 'threads',
  post: 'posts',
  membership: 'memberships',
  consultation: 'consultations',
};

/** The subjects of each entry, in order; a handful of queries for a whole page. */
export async function resolveAuditSubjects(entries: Entry[]): Promise<AuditSubjects[]> {
  const wanted = new Wanted();
  for (const e of entries) {
    if (e.targetType === 'user') wanted.user(e.targetId);
    else if (e.targetType === 'survey') wanted.survey(e.targetId);
    else if (TARGET_TABLE[e.targetType]) wanted.int(TARGET_TABLE[e.targetType]!, e.targetId);
    wanted.user(e.details.userId);
    wanted.int('communes', e.details.communeId);
    wanted.survey(e.details.surveyId);
    if (e.targetType === 'survey') wanted.survey(e.details.from);
  }
  // A membership names its member and commune; a post, its thread.
  const membershipRows = wanted.ints.memberships.size
    ? await db.select({ id: memberships.id, userId: memberships.userId, communeId: memberships.communeId }).from(memberships).where(inArray(memberships.id, [...wanted.ints.memberships]))
    : [];
  for (const m of membershipRows) {
    wanted.user(m.userId);
    wanted.int('communes', m.communeId);
  }
  const postRows = wanted.ints.posts.size
    ? await db.select({ id: posts.id, threadId: posts.threadId, number: posts.number }).from(posts).where(inArray(posts.id, [...wanted.ints.posts]))
    : [];
  for (const p of postRows) wanted.int('threads', p.threadId);

  const byId = <K, R extends { id: K }>(rows: R[]) => new Map(rows.map((r) => [r.id, r]));
  const some = <T>(ids: Set<T>) => [...ids];
  const { ints } = wanted;
  const [userRows, surveyRows, communeRows, localityRows, meetingRows, articleRows, threadRows, consultationRows] = await Promise.all([
    wanted.users.size ? db.select({ id: users.id, name: users.name, status: users.status }).from(users).where(inArray(users.id, some(wanted.users))) : [],
    wanted.surveys.size ? db.select({ id: surveys.id, slug: surveys.slug, titlePl: surveys.titlePl, titleEn: surveys.titleEn }).from(surveys).where(inArray(surveys.id, some(wanted.surveys))) : [],
    ints.communes.size ? db.select({ id: communes.id, name: communes.name }).from(communes).where(inArray(communes.id, some(ints.communes))) : [],
    ints.localities.size ? db.select({ id: localities.id, name: localities.name, communeId: localities.communeId }).from(localities).where(inArray(localities.id, some(ints.localities))) : [],
    ints.meetings.size ? db.select({ id: meetings.id, title: meetings.title }).from(meetings).where(inArray(meetings.id, some(ints.meetings))) : [],
    ints.articles.size ? db.select({ id: articles.id, title: articles.title }).from(articles).where(inArray(articles.id, some(ints.articles))) : [],
    ints.threads.size ? db.select({ id: threads.id, title: threads.title }).from(threads).where(inArray(threads.id, some(ints.threads))) : [],
    ints.consultations.size ? db.select({ id: consultations.id, title: consultations.title }).from(consultations).where(inArray(consultations.id, some(ints.consultations))) : [],
  ]);
  const userOf = byId(userRows);
  const surveyOf = byId(surveyRows);
  const communeOf = byId(communeRows);
  const localityOf = byId(localityRows);
  const meetingOf = byId(meetingRows);
  const articleOf = byId(articleRows);
  const threadOf = byId(threadRows);
  const consultationOf = byId(consultationRows);
  const membershipOf = byId(membershipRows);
  const postOf = byId(postRows);

  const person = (id: unknown): AuditSubject | undefined => {
    const u = userOf.get(asUuid(id) ?? '');
    if (!u) return undefined;
    return u.status === 'deleted' ? { name: '', deleted: true } : { name: u.name, href: `/admin/users/${u.id}` };
  };
  const commune = (id: unknown): AuditSubject | undefined => {
    const c = communeOf.get(asInt(id) ?? 0);
    return c ? { name: c.name, href: `/admin/communes/${c.id}` } : undefined;
  };
  const survey = (id: unknown, results = false): AuditSubject | undefined => {
    const s = surveyOf.get(asUuid(id) ?? '');
    return s ? { name: s.titlePl, nameEn: s.titleEn || undefined, href: results ? `/results/${s.slug}` : `/surveys/manage/${s.id}` } : undefined;
  };
  const titled = (title: string | undefined, href: string): AuditSubject | undefined => (title === undefined ? undefined : { name: title, href });

  return entries.map((e) => {
    const id = asInt(e.targetId);
    const written = asText(e.details.title) ?? asText(e.details.name) ?? asText(e.details.to);
    const subjects: AuditSubjects = {};
    switch (e.targetType) {
      case 'user':
        subjects.target = person(e.targetId);
        break;
      case 'survey':
        subjects.target = survey(e.targetId, e.action.startsWith('results.'));
        subjects.survey = survey(e.details.from);
        break;
      case 'commune':
        subjects.target = commune(e.targetId);
        break;
      case 'locality': {
        const l = localityOf.get(id ?? 0);
        subjects.target = l ? { name: l.name, href: `/admin/communes/${l.communeId}` } : undefined;
        break;
      }
      case 'meeting':
        subjects.target = titled(meetingOf.get(id ?? 0)?.title, `/calendar/${id}`);
        break;
      case 'article':
        subjects.target = titled(articleOf.get(id ?? 0)?.title, `/news/${id}`);
        break;
      case 'document':
        // Every document entry records the title it had then (a deleted one keeps its name).
        subjects.target = titled(written, `/documents/${id}`);
        break;
      case 'thread':
        subjects.target = titled(threadOf.get(id ?? 0)?.title, `/forum/threads/${id}`);
        break;
      case 'consultation':
        subjects.target = titled(consultationOf.get(id ?? 0)?.title, `/forum/consultations/${id}`);
        break;
      case 'post': {
        const p = postOf.get(id ?? 0);
        const t = p ? threadOf.get(p.threadId) : undefined;
        if (p && t) {
          subjects.target = { name: t.title, href: postHref(t.id, p.number) };
          subjects.number = p.number;
        }
        break;
      }
      case 'membership': {
        const m = membershipOf.get(id ?? 0);
        subjects.user = person(m?.userId);
        subjects.commune = commune(m?.communeId);
        break;
      }
      case 'survey_answer':
        subjects.survey = survey(e.details.surveyId, true);
        if (subjects.survey) subjects.survey.href += '/remarks/review';
        break;
      case 'forum_settings':
        subjects.target = { name: '', href: '/forum/settings' };
        break;
      case 'mail':
        if (id) subjects.target = { name: String(id), href: `/admin/mail/${id}` };
        break;
    }
    if (!subjects.target && written) subjects.target = { name: written };
    subjects.user ??= person(e.details.userId);
    subjects.commune ??= commune(e.details.communeId);
    return subjects;
  });
}
