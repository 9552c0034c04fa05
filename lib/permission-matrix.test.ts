import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { db } from '@/db/client';
import { communes, meetings, memberships, articles } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action';
import { grantRole } from '@/lib/admin/mutations';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { openConsultation } from '@/lib/forum/consultation-mutations';
import { decideMembership } from '@/lib/forum/membership-mutations';
import { moderatePost, setThreadFlag } from '@/lib/forum/moderation-mutations';
import { makeMember, makePlaces as makeForumPlaces, makeUser } from '@/lib/forum/test-helpers';
import { saveForumSettings } from '@/lib/forum/settings';
import { addPost, createThread } from '@/lib/forum/thread-mutations';
import { attachMinutes, createMeeting, updateMeeting } from '@/lib/meetings/mutations';
import { addWalkIns } from '@/lib/meetings/attendance-mutations';
import { getIndicators } from '@/lib/indicators/queries';
import type { MeetingInput } from '@/lib/meetings/schema';
import { createArticle, updateArticle } from '@/lib/news/mutations';
import type { ArticleInput } from '@/lib/news/schema';
import { setResultsPublished } from '@/lib/results/mutations';
import { changeSurveyStatus, createSurvey, generateInvitationCodes, submitResponse } from '@/lib/surveys/mutations';
import { getSurveyForBuilder, getSurveyForPaperEntry, listInvitationCodes, openResponseExport } from '@/lib/surveys/queries';
import { smallSurveyForm, validPayload } from '@/lib/surveys/test-helpers';

/**
 * The permission matrix (issue 16): every server action's lib function, and the lib loaders of the
 * guarded pages, called as every role on objects of commune A, commune B and the whole county.
 * Each cell's answer is written out below from the product's rules — never computed by the
 * permission functions under test — and the whole table is compared at once, so a failure lists
 * every wrong cell. Anonymous callers go through the real action wrapper (lib/action.ts), which
 * every server action uses and which answers 401 before parsing anything.
 */

const ROLES = ['anonymous', 'member of A', 'operator', 'analyst', 'moderator of A', 'coordinator of A', 'moderator of county', 'coordinator of county', 'admin'] as const;
type RoleName = (typeof ROLES)[number];
const OBJECTS = ['A', 'B', 'county'] as const;
type Scope = (typeof OBJECTS)[number];
type Answer = 'ok' | 400 | 401 | 403 | 404 | 409 | 'n/a';

let places: Awaited<ReturnType<typeof makeForumPlaces>>;
let allCommunes: number[];
const users = {} as Record<Exclude<RoleName, 'anonymous'>, CurrentUser>;
let admin: CurrentUser;

const communeOf = (scope: Scope) => (scope === 'A' ? places.communeId : scope === 'B' ? places.otherCommuneId : null);
/** The communes a survey of this scope covers (a county survey: every active commune). */
const coverageOf = (scope: Scope) => (scope === 'county' ? allCommunes : [communeOf(scope)!]);

// The rules, as the product states them (README "What is in it", issue 16 item 3).
const isCoordinatorOf = (role: RoleName, scope: Scope) => role === 'admin' || role === 'coordinator of county' || (role === 'coordinator of A' && scope === 'A');
const isModeratorOf = (role: RoleName, scope: Scope) => role === 'admin' || role === 'moderator of county' || (role === 'moderator of A' && scope === 'A');
// A county thread is open to every member and every coordinator and moderator, of a commune too.
const mayWriteIn = (role: RoleName, scope: Scope) =>
  isCoordinatorOf(role, scope) || isModeratorOf(role, scope) || (scope === 'county' && role.endsWith(' of A')) || (role === 'member of A' && scope !== 'B');
const allowIf = (condition: boolean): Answer => (condition ? 'ok' : 403);

interface Row {
  action: string;
  expected: (role: RoleName, scope: Scope) => Answer;
  /** Makes a fresh object of the scope and returns the call to make as `actor`; null: no such object. */
  prepare: (scope: Scope) => Promise<((actor: CurrentUser) => Promise<unknown>) | null>;
}

let slugNo = 0;
async function openSurvey(scope: Scope, mode: 'open_link' | 'invitation' = 'open_link') {
  const created = await createSurvey({ actor: admin, input: smallSurveyForm(`macierz-${++slugNo}-${mode === "invitation" ? "kody" : "link"}`, mode, coverageOf(scope)) });
  await changeSurveyStatus({ actor: admin, id: created.id, transition: 'publish' });
  return created;
}

async function thread(scope: Scope) {
  const author = await makeUser([{ role: 'coordinator', communeId: null }]);
  return createThread({ actor: author, title: 'Wątek macierzy', communeId: communeOf(scope), serviceAreaIds: places.areaIds.slice(0, 1), body: 'Pierwszy wpis.' });
}

const DAY = 86_400_000;
function meetingInput(scope: Scope): MeetingInput {
  const start = new Date(Date.now() + 7 * DAY);
  return { type: 'workshop', title: 'Warsztaty', description: 'Opis', agenda: '', startsAt: start, endsAt: new Date(start.getTime() + 3600_000), address: 'Sala', onlineUrl: null, communeId: communeOf(scope), linkUrl: null, capacity: null };
}
function articleInput(scope: Scope): ArticleInput {
  return { title: 'Artykuł macierzy', lead: 'Krótki wstęp artykułu.', body: 'Treść artykułu.', communeId: communeOf(scope), status: 'published', publishedAt: new Date(Date.now() - 60_000) };
}

/** Choosing a commune one may not publish in is a 403 (shown at the form's commune select). */
const createIn = (role: RoleName, scope: Scope): Answer => allowIf(isCoordinatorOf(role, scope));

const ROWS: Row[] = [
  {
    action: 'results: publish a survey’s results',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const survey = await openSurvey(scope);
      return (actor) => setResultsPublished({ actor, surveyId: survey.id, publish: true });
    },
  },
  {
    action: 'results: withdraw a survey’s results',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const survey = await openSurvey(scope);
      await setResultsPublished({ actor: admin, surveyId: survey.id, publish: true });
      return (actor) => setResultsPublished({ actor, surveyId: survey.id, publish: false });
    },
  },
  {
    // A county survey's form here is a respondent of commune B.
    action: 'surveys: type in a paper questionnaire',
    expected: (role, scope) => allowIf(role === 'operator' || isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const survey = await openSurvey(scope);
      const commune = scope === 'A' ? places.communeId : places.otherCommuneId;
      return (actor) => submitResponse({ slug: survey.slug, payload: validPayload(commune), context: { actor, channel: 'paper' } });
    },
  },
  {
    action: 'surveys: type in a paper questionnaire of commune A in the survey',
    expected: (role, scope) => (scope === 'B' ? 'n/a' : allowIf(role === 'operator' || isCoordinatorOf(role, 'A'))),
    prepare: async (scope) => {
      if (scope === 'B') return null;
      const survey = await openSurvey(scope);
      return (actor) => submitResponse({ slug: survey.slug, payload: validPayload(places.communeId), context: { actor, channel: 'paper' } });
    },
  },
  {
    action: 'surveys: open the paper-entry form (page loader)',
    expected: (role, scope) => allowIf(role === 'operator' || isCoordinatorOf(role, scope) || (role === 'coordinator of A' && scope === 'county')),
    prepare: async (scope) => {
      const survey = await openSurvey(scope);
      return (actor) => getSurveyForPaperEntry({ actor, id: survey.id });
    },
  },
  {
    action: 'surveys: generate invitation codes',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const survey = await openSurvey(scope, 'invitation');
      return (actor) => generateInvitationCodes({ actor, surveyId: survey.id, count: 2 });
    },
  },
  {
    action: 'surveys: print invitation codes (page loader)',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const survey = await openSurvey(scope, 'invitation');
      await generateInvitationCodes({ actor: admin, surveyId: survey.id, count: 2 });
      return (actor) => listInvitationCodes({ actor, surveyId: survey.id, batch: 1 });
    },
  },
  {
    action: 'surveys: close a survey',
    expected: (role, scope) => allowIf(role === 'analyst' || isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const survey = await openSurvey(scope);
      return (actor) => changeSurveyStatus({ actor, id: survey.id, transition: 'close' });
    },
  },
  {
    action: 'surveys: edit in the builder (page loader)',
    expected: (role, scope) => allowIf(role === 'analyst' || isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const survey = await openSurvey(scope);
      return (actor) => getSurveyForBuilder({ actor, id: survey.id });
    },
  },
  {
    // A commune's coordinator exports a county survey's responses of their commune only.
    action: 'surveys: export raw responses (route loader)',
    expected: (role, scope) => allowIf(role === 'analyst' || isCoordinatorOf(role, scope) || (role === 'coordinator of A' && scope === 'county')),
    prepare: async (scope) => {
      const survey = await openSurvey(scope);
      return (actor) => openResponseExport({ actor, surveyId: survey.id });
    },
  },
  {
    action: 'forum: start a thread',
    expected: (role, scope) => allowIf(mayWriteIn(role, scope)),
    prepare: async (scope) => (actor) => createThread({ actor, title: 'Nowy wątek', communeId: communeOf(scope), serviceAreaIds: places.areaIds.slice(0, 1), body: 'Treść wpisu.' }),
  },
  {
    action: 'forum: reply in a thread',
    expected: (role, scope) => allowIf(mayWriteIn(role, scope)),
    prepare: async (scope) => {
      const { id } = await thread(scope);
      return (actor) => addPost({ actor, threadId: id, body: 'Odpowiedź.', quotedPostId: null });
    },
  },
  {
    action: 'forum: hide a post',
    expected: (role, scope) => allowIf(isModeratorOf(role, scope)),
    prepare: async (scope) => {
      const created = await thread(scope);
      const author = await makeUser([{ role: 'coordinator', communeId: null }]);
      const post = await addPost({ actor: author, threadId: created.id, body: 'Do ukrycia.', quotedPostId: null });
      return (actor) => moderatePost({ actor, postId: post.id, action: 'hide', reason: 'Obraźliwy wpis' });
    },
  },
  {
    action: 'forum: lock a thread',
    expected: (role, scope) => allowIf(isModeratorOf(role, scope)),
    prepare: async (scope) => {
      const { id } = await thread(scope);
      return (actor) => setThreadFlag({ actor, threadId: id, flag: 'lock' });
    },
  },
  {
    action: 'forum: open a consultation',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => (actor) =>
      openConsultation({ actor, title: 'Konsultacja', body: 'Treść konsultacji.', communeId: communeOf(scope), deadline: new Date(Date.now() + 7 * DAY), serviceAreaIds: places.areaIds.slice(0, 1) }),
  },
  {
    action: 'forum: decide a membership application',
    expected: (role, scope) => (scope === 'county' ? 'n/a' : allowIf(isCoordinatorOf(role, scope))),
    prepare: async (scope) => {
      if (scope === 'county') return null;
      const applicant = await makeUser();
      const [row] = await db
        .insert(memberships)
        .values({ userId: applicant.id, communeId: communeOf(scope)!, representation: 'ngo', organisation: 'Stowarzyszenie', status: 'pending' })
        .returning({ id: memberships.id });
      return (actor) => decideMembership({ actor, membershipId: row!.id, decision: 'reject', reason: 'Brak miejsc' });
    },
  },
  {
    action: 'news: write an article',
    expected: createIn,
    prepare: async (scope) => (actor) => createArticle({ actor, input: articleInput(scope) }),
  },
  {
    action: 'news: edit an article',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const [row] = await db.insert(articles).values({ title: 'Artykuł', lead: 'Lead artykułu', body: 'Treść', status: 'published', publishedAt: new Date(Date.now() - DAY), communeId: communeOf(scope) }).returning({ id: articles.id });
      return (actor) => updateArticle({ actor, id: row!.id, input: articleInput(scope) });
    },
  },
  {
    action: 'calendar: publish a meeting',
    expected: createIn,
    prepare: async (scope) => (actor) => createMeeting({ actor, input: meetingInput(scope) }),
  },
  {
    action: 'calendar: edit a meeting',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const { id } = await createMeeting({ actor: admin, input: meetingInput(scope) });
      return (actor) => updateMeeting({ actor, id, input: meetingInput(scope) });
    },
  },
  {
    action: 'calendar: attach minutes',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const start = new Date(Date.now() - 3 * DAY);
      const [row] = await db
        .insert(meetings)
        .values({ type: 'forum_session', title: 'Sesja', address: 'Sala', startsAt: start, endsAt: new Date(start.getTime() + 3600_000), communeId: communeOf(scope) })
        .returning({ id: meetings.id });
      return (actor) => attachMinutes({ actor, meetingId: row!.id, minutes: 'Protokół z sesji forum.' });
    },
  },
  {
    action: 'calendar: record attendance',
    expected: (role, scope) => allowIf(isCoordinatorOf(role, scope)),
    prepare: async (scope) => {
      const start = new Date(Date.now() - 3 * DAY);
      const [row] = await db
        .insert(meetings)
        .values({ type: 'workshop', title: 'Warsztaty', address: 'Sala', startsAt: start, endsAt: new Date(start.getTime() + 3600_000), communeId: communeOf(scope) })
        .returning({ id: meetings.id });
      return (actor) => addWalkIns({ actor, meetingId: row!.id, input: { name: null, representation: 'other', count: 1 } });
    },
  },
  {
    // The county: no commune chosen. A commune's coordinator then gets their communes only
    // (lib/indicators/indicators.test.ts checks what they see).
    action: 'admin: read the project indicators (page loader)',
    expected: (role, scope) => allowIf(role === 'analyst' || isCoordinatorOf(role, scope) || (role === 'coordinator of A' && scope === 'county')),
    prepare: async (scope) => {
      const communeId = communeOf(scope);
      const [commune] = communeId === null ? [] : await db.select({ slug: communes.slug }).from(communes).where(eq(communes.id, communeId));
      return (actor) => getIndicators({ actor, params: { commune: commune?.slug } });
    },
  },
  {
    action: 'admin: grant a coordinator role',
    expected: (role) => allowIf(role === 'admin'),
    prepare: async (scope) => {
      const target = await makeUser();
      return (actor) => grantRole({ actor, userId: target.id, role: 'coordinator', communeId: communeOf(scope) });
    },
  },
];

async function answerOf(call: () => Promise<unknown>): Promise<Answer> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.status as Answer;
    throw error;
  }
}

/** An anonymous caller, through the wrapper every server action uses (no session cookie is set). */
async function anonymousAnswer(): Promise<Answer> {
  const action = validatedActionWithUser(z.object({}), async () => 'reached');
  const result = await action(undefined, new FormData());
  return result.ok ? 'ok' : result.message === 'unauthorized' ? 401 : 400;
}

beforeAll(async () => {
  places = await makeForumPlaces();
  // Each role posts a few times in a second here; the posting limit is not what this test is about.
  await saveForumSettings({ postsPerWindow: 10_000 });
  allCommunes = (await db.select({ id: communes.id }).from(communes).where(eq(communes.active, true))).map((c) => c.id);
  const grant = (role: RoleGrant['role'], communeId: number | null = null): RoleGrant[] => [{ role, communeId }];
  admin = await makeUser(grant('admin'));
  users.admin = admin;
  users['member of A'] = await makeMember(places.communeId);
  users.operator = await makeUser(grant('operator'));
  users.analyst = await makeUser(grant('analyst'));
  users['moderator of A'] = await makeUser(grant('moderator', places.communeId));
  users['coordinator of A'] = await makeUser(grant('coordinator', places.communeId));
  users['moderator of county'] = await makeUser(grant('moderator'));
  users['coordinator of county'] = await makeUser(grant('coordinator'));
});

describe('the permission matrix', () => {
  it('answers every action, as every role, on objects of commune A, commune B and the county, as the rules say', { timeout: 300_000 }, async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const row of ROWS) {
      for (const scope of OBJECTS) {
        for (const role of ROLES) {
          const expected = row.expected(role, scope);
          const call = await row.prepare(scope);
          const actual: Answer = call === null ? 'n/a' : role === 'anonymous' ? await anonymousAnswer() : await answerOf(() => call(users[role]));
          const want = role === 'anonymous' && expected !== 'n/a' ? 401 : expected;
          cells++;
          if (actual !== want) wrong.push(`${row.action} | ${role} | ${scope}: expected ${want}, got ${actual}`);
        }
      }
    }
    expect(cells).toBe(ROWS.length * OBJECTS.length * ROLES.length);
    expect(wrong).toEqual([]);
  });
});
