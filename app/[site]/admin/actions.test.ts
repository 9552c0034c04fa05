import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { communes, userRoles, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';

// The actions are thin, but they are public endpoints: check the wiring from a posted form to
// lib/admin and back to the result shape, with the signed-in user stubbed.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth', () => ({ getCurrentUser: async () => session.user }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

const { createCommuneAction, grantRoleAction, setUserStatusAction } = await import('./actions');

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function makeUser(admin: boolean): Promise<CurrentUser> {
  const email = `${randomUUID()}@example.pl`;
  const [row] = await db.insert(users).values({ name: 'Test', email }).returning({ id: users.id });
  const roles = admin ? [{ role: 'admin' as const, communeId: null }] : [];
  if (admin) await db.insert(userRoles).values({ userId: row!.id, role: 'admin' });
  return { id: row!.id, email, name: 'Test', locale: 'pl', roles };
}

let admin: CurrentUser;
let member: CurrentUser;

beforeAll(async () => {
  admin = await makeUser(true);
  member = await makeUser(false);
});

beforeEach(() => {
  revalidatePath.mockClear();
});

describe('admin actions', () => {
  it('refuses a signed-out caller before parsing anything', async () => {
    session.user = null;
    expect(await createCommuneAction(undefined, form({ name: 'Jasło', slug: 'jaslo', kind: 'urban' }))).toMatchObject({ ok: false, message: 'unauthorized' });
  });

  it('refuses a non-admin with "forbidden" and keeps the typed values', async () => {
    session.user = member;
    const result = await createCommuneAction(undefined, form({ name: 'Jasło', slug: 'jaslo', kind: 'urban' }));
    expect(result).toMatchObject({ ok: false, message: 'forbidden', values: { name: 'Jasło', slug: 'jaslo' } });
    expect(await db.select().from(communes).where(eq(communes.slug, 'jaslo'))).toHaveLength(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('creates for an admin and refreshes the admin pages and the kept public ones; a taken slug comes back at its field', async () => {
    session.user = admin;
    expect(await createCommuneAction(undefined, form({ name: 'Jasło', slug: 'jaslo', kind: 'urban' }))).toMatchObject({ ok: true });
    expect(revalidatePath).toHaveBeenCalledWith('/[site]/admin', 'layout');
    // Communes' names show on the public pages every visitor shares (app/_http/kept-pages.ts).
    expect(revalidatePath).toHaveBeenCalledWith('/public-pages/[site]', 'layout');
    const again = await createCommuneAction(undefined, form({ name: 'Jasło 2', slug: 'jaslo', kind: 'urban' }));
    expect(again).toMatchObject({ ok: false, message: 'form_invalid', fieldErrors: { slug: ['slug_taken'] }, values: { name: 'Jasło 2' } });
  });

  it('reads a disabled commune select (no field posted) as a county-wide grant', async () => {
    session.user = admin;
    expect(await grantRoleAction(undefined, form({ userId: member.id, role: 'analyst' }))).toMatchObject({ ok: true });
    const grants = await db.select().from(userRoles).where(eq(userRoles.userId, member.id));
    expect(grants).toEqual([expect.objectContaining({ role: 'analyst', communeId: null })]);
  });

  it('reports the self-disable refusal with its own message', async () => {
    session.user = admin;
    expect(await setUserStatusAction(undefined, form({ userId: admin.id, status: 'disabled' }))).toMatchObject({ ok: false, message: 'forbidden_self' });
  });
});
