import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { articles, meetingAttendees, meetings, userRoles, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';

// The actions are public endpoints: check the wiring from a posted form to lib/ and back to the
// result shape (field errors with what was typed), with the signed-in user stubbed.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const redirect = vi.hoisted(() =>
  vi.fn((url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  }),
);
vi.mock('next/navigation', async (importOriginal) => ({ ...(await importOriginal<object>()), redirect }));

const { attendMeetingAction, createMeetingAction, withdrawAttendanceAction } = await import('./actions');
const { createArticleAction } = await import('../news/actions');

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function makeUser(coordinator: boolean): Promise<CurrentUser> {
  const email = `${randomUUID()}@example.pl`;
  const [row] = await db.insert(users).values({ name: 'Test', email }).returning({ id: users.id });
  if (coordinator) await db.insert(userRoles).values({ userId: row!.id, role: 'coordinator' });
  return { id: row!.id, email, name: 'Test', locale: 'pl', roles: coordinator ? [{ role: 'coordinator', communeId: null }] : [] };
}

const future = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
const meetingForm = (extra: Record<string, string> = {}) =>
  form({ type: 'workshop', title: 'Warsztaty strategiczne', communeId: '', startsAt: future(5, '10:00'), endsAt: future(5, '12:00'), address: 'Starostwo, Jasło', description: '', agenda: '', onlineUrl: '', linkUrl: '', capacity: '', ...extra });

let coordinator: CurrentUser;
let member: CurrentUser;
beforeAll(async () => {
  coordinator = await makeUser(true);
  member = await makeUser(false);
});

async function run<T>(promise: Promise<T>): Promise<T | string> {
  try {
    return await promise;
  } catch (error) {
    return (error as { digest?: string }).digest ?? String(error);
  }
}

describe('meeting and news actions', () => {
  it('refuse a signed-out caller', async () => {
    session.user = null;
    expect(await createMeetingAction(undefined, meetingForm())).toMatchObject({ ok: false, message: 'unauthorized' });
    expect(await attendMeetingAction(undefined, form({ meetingId: '1' }))).toMatchObject({ ok: false, message: 'unauthorized' });
    expect(await createArticleAction(undefined, form({ title: 'Tytuł' }))).toMatchObject({ ok: false, message: 'unauthorized' });
  });

  it('a member is refused publishing, with the typed values kept', async () => {
    session.user = member;
    expect(await createMeetingAction(undefined, meetingForm())).toMatchObject({ ok: false, message: 'forbidden', values: { title: 'Warsztaty strategiczne' } });
    expect(await db.select().from(meetings)).toHaveLength(0);
  });

  it('end before start comes back at its field with everything typed', async () => {
    session.user = coordinator;
    const result = await createMeetingAction(undefined, meetingForm({ endsAt: future(5, '09:00'), linkUrl: 'nie-link' }));
    expect(result).toMatchObject({
      ok: false,
      message: 'form_invalid',
      fieldErrors: { endsAt: ['ends_before_start'], linkUrl: ['link_invalid'] },
      values: { title: 'Warsztaty strategiczne', endsAt: future(5, '09:00'), linkUrl: 'nie-link' },
    });
  });

  it('publishes and redirects to the meeting; a member signs up and withdraws', async () => {
    session.user = coordinator;
    expect(await run(createMeetingAction(undefined, meetingForm()))).toMatch(/^NEXT_REDIRECT;replace;\/calendar\/\d+;/);
    const [meeting] = await db.select().from(meetings);
    session.user = member;
    expect(await attendMeetingAction(undefined, form({ meetingId: String(meeting!.id) }))).toMatchObject({ ok: true });
    expect(await db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting!.id))).toHaveLength(1);
    expect(await withdrawAttendanceAction(undefined, form({ meetingId: String(meeting!.id) }))).toMatchObject({ ok: true });
    expect(await db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting!.id))).toHaveLength(0);
  });

  it('publishes an article and redirects to it', async () => {
    session.user = coordinator;
    const result = await run(createArticleAction(undefined, form({ title: 'Nowe wieści', lead: 'Krótki wstęp do wieści.', body: 'Treść wieści z gminy.', communeId: '', status: 'published', publishedAt: '2026-01-10T10:00' })));
    expect(result).toMatch(/^NEXT_REDIRECT;replace;\/news\/\d+;/);
    expect((await db.select().from(articles))[0]).toMatchObject({ title: 'Nowe wieści', status: 'published' });
  });
});
