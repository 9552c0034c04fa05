import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { db } from '@/db/client';
import { communes, localities, memberships, serviceAreas, userRoles, users, type Representation } from '@/db/schema';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

// Shared by the forum's integration tests (not a test file itself).

let sequence = 0;

export async function makeUser(roles: RoleGrant[] = [], name = 'Jan Kowalski'): Promise<CurrentUser> {
  const email = `forum${++sequence}-${randomUUID().slice(0, 8)}@example.pl`;
  const [row] = await db.insert(users).values({ name, email }).returning({ id: users.id });
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((g) => ({ userId: row!.id, ...g })));
  return { id: row!.id, email, name, locale: 'pl', roles };
}

/** A user with an approved membership in the commune, inserted directly. */
export async function makeMember(communeId: number, representation: Representation = 'ngo', name = 'Maria Członkini'): Promise<CurrentUser> {
  const user = await makeUser([], name);
  await db.insert(memberships).values({
    userId: user.id,
    communeId,
    representation,
    organisation: representation === 'locality' ? null : `Stowarzyszenie ${sequence}`,
    status: 'approved',
    decidedAt: new Date(),
  });
  return user;
}

export async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

export async function makePlaces() {
  const suffix = randomUUID().slice(0, 6);
  const [a, b] = await db
    .insert(communes)
    .values([
      { slug: `tarnowiec-${suffix}`, name: `Tarnowiec ${suffix}`, kind: 'rural' },
      { slug: `debowiec-${suffix}`, name: `Dębowiec ${suffix}`, kind: 'rural' },
    ])
    .returning({ id: communes.id });
  const [village] = await db.insert(localities).values({ communeId: a!.id, name: `Gąsówka ${suffix}`, kind: 'village' }).returning({ id: localities.id });
  const [otherVillage] = await db.insert(localities).values({ communeId: b!.id, name: `Łazy ${suffix}`, kind: 'village' }).returning({ id: localities.id });
  const areas = await db
    .insert(serviceAreas)
    .values([
      { slug: `edukacja-${suffix}`, namePl: 'Edukacja', nameEn: 'Education', position: 0 },
      { slug: `transport-${suffix}`, namePl: 'Transport', nameEn: 'Transport', position: 1 },
    ])
    .returning({ id: serviceAreas.id });
  return { communeId: a!.id, otherCommuneId: b!.id, villageId: village!.id, otherVillageId: otherVillage!.id, areaIds: areas.map((r) => r.id) };
}
