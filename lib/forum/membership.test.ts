import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, memberships, notifications } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/permissions';
import { applyForMembership, decideMembership, endMembership, QuotaFullError, stepDown } from './membership-mutations';
import { getMyMembership, listCommuneMembers, listCommunesWithMembers, listManagedMemberships } from './membership-queries';
import { saveForumSettings } from './settings';
import { makeMember, makePlaces, makeUser, thrown } from './test-helpers';

let places: Awaited<ReturnType<typeof makePlaces>>;
let countyCoordinator: CurrentUser;
let communeCoordinator: CurrentUser;
let otherCoordinator: CurrentUser;
let admin: CurrentUser;

beforeAll(async () => {
  places = await makePlaces();
  countyCoordinator = await makeUser([{ role: 'coordinator', communeId: null }], 'Krzysztof Koordynator');
  communeCoordinator = await makeUser([{ role: 'coordinator', communeId: places.communeId }], 'Teresa Tarnowiecka');
  otherCoordinator = await makeUser([{ role: 'coordinator', communeId: places.otherCommuneId }], 'Danuta Wójcik');
  admin = await makeUser([{ role: 'admin', communeId: null }], 'Alicja Admin');
});

async function apply(user: CurrentUser, representation: 'locality' | 'ngo' | 'business' = 'ngo', communeId = places.communeId) {
  return applyForMembership({
    actor: user,
    communeId,
    representation,
    localityId: representation === 'locality' ? (communeId === places.communeId ? places.villageId : places.otherVillageId) : null,
    organisation: representation === 'locality' ? null : 'Koło Gospodyń Wiejskich',
    statement: '',
  });
}

describe('applying', () => {
  it('a signed-in user applies once; a second live application is refused', async () => {
    const user = await makeUser();
    const { id } = await apply(user, 'locality');
    const mine = await getMyMembership({ actor: user });
    expect(mine).toMatchObject({ id, status: 'pending', representation: 'locality' });
    expect((await thrown(apply(user))).code).toBe('conflict:membership_exists');
  });

  it('a village must belong to the commune applied for, and an NGO must be named', async () => {
    const user = await makeUser();
    const error = await thrown(
      applyForMembership({ actor: user, communeId: places.communeId, representation: 'locality', localityId: places.otherVillageId, organisation: null, statement: '' }),
    );
    expect(error.fieldErrors).toEqual({ localityId: ['locality_not_in_commune'] });
    const named = await thrown(applyForMembership({ actor: user, communeId: places.communeId, representation: 'ngo', localityId: null, organisation: ' ', statement: '' }));
    expect(named.fieldErrors).toEqual({ organisation: ['organisation_required'] });
  });
});

describe('deciding applications, by role and commune scope', () => {
  const cases: [string, () => CurrentUser, boolean][] = [
    ['the commune coordinator', () => communeCoordinator, true],
    ['a county-wide coordinator', () => countyCoordinator, true],
    ['an admin', () => admin, true],
    ['a coordinator of another commune', () => otherCoordinator, false],
  ];
  it.each(cases)('%s', async (_label, actor, allowed) => {
    const user = await makeUser();
    const { id } = await apply(user);
    const result = decideMembership({ actor: actor(), membershipId: id, decision: 'approve', reason: '' });
    if (allowed) {
      await result;
      const [row] = await db.select().from(memberships).where(eq(memberships.id, id));
      expect(row!.status).toBe('approved');
      const [note] = await db.select().from(notifications).where(eq(notifications.userId, user.id));
      expect(note).toMatchObject({ kind: 'decision', membershipId: id });
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'membership.approve'), eq(auditLog.targetId, String(id))));
      expect(audit).toBeDefined();
      // quota room for the other cases
      await db.update(memberships).set({ status: 'ended' }).where(eq(memberships.id, id));
    } else {
      expect((await thrown(result)).code).toBe('forbidden');
    }
  });

  it('a moderator, a plain member and another applicant cannot decide', async () => {
    const user = await makeUser();
    const { id } = await apply(user);
    for (const actor of [await makeUser([{ role: 'moderator', communeId: null }]), await makeMember(places.communeId), user]) {
      expect((await thrown(decideMembership({ actor, membershipId: id, decision: 'approve', reason: '' }))).code).toBe('forbidden');
    }
  });

  it('a rejection needs a reason and the applicant sees it', async () => {
    const user = await makeUser();
    const { id } = await apply(user);
    expect((await thrown(decideMembership({ actor: communeCoordinator, membershipId: id, decision: 'reject', reason: '' }))).fieldErrors).toEqual({ reason: ['reason_required'] });
    await decideMembership({ actor: communeCoordinator, membershipId: id, decision: 'reject', reason: 'Brak rekomendacji sołtysa' });
    expect(await getMyMembership({ actor: user })).toMatchObject({ status: 'rejected', decisionReason: 'Brak rekomendacji sołtysa' });
    expect((await thrown(decideMembership({ actor: communeCoordinator, membershipId: id, decision: 'approve', reason: '' }))).code).toBe('conflict:membership_decided');
  });

  it('an unknown application is "not found"', async () => {
    expect((await thrown(decideMembership({ actor: admin, membershipId: 999999, decision: 'approve', reason: '' }))).code).toBe('not_found:membership');
  });
});

describe('quotas per commune', () => {
  it('refuses approving past the quota, naming the quota and the seat holders; NGOs and businesses share theirs', async () => {
    const places2 = await makePlaces();
    await saveForumSettings({ localityQuota: 2, organisationQuota: 2 });
    try {
      const coordinator = await makeUser([{ role: 'coordinator', communeId: places2.communeId }]);
      const approve = async (representation: 'locality' | 'ngo' | 'business', name: string) => {
        const user = await makeUser([], name);
        const { id } = await applyForMembership({
          actor: user,
          communeId: places2.communeId,
          representation,
          localityId: representation === 'locality' ? places2.villageId : null,
          organisation: representation === 'locality' ? null : `Firma ${name}`,
          statement: '',
        });
        return decideMembership({ actor: coordinator, membershipId: id, decision: 'approve', reason: '' });
      };
      await approve('ngo', 'Anna Nowak');
      await approve('business', 'Piotr Zieliński');
      await approve('locality', 'Sołtys Jeden');
      await approve('locality', 'Sołtys Dwa');
      const error = await thrown(approve('ngo', 'Trzecia Organizacja'));
      expect(error).toBeInstanceOf(QuotaFullError);
      const quota = error as QuotaFullError;
      expect(quota.quota).toBe('organisation');
      expect(quota.limit).toBe(2);
      expect(quota.holders.join(' ')).toContain('Anna Nowak');
      expect(quota.holders.join(' ')).toContain('Piotr Zieliński');
      const villageError = (await thrown(approve('locality', 'Sołtys Trzy'))) as QuotaFullError;
      expect(villageError.quota).toBe('locality');
      // The other commune's quota is its own.
      const otherCoordinatorHere = await makeUser([{ role: 'coordinator', communeId: places2.otherCommuneId }]);
      const user = await makeUser();
      const { id } = await applyForMembership({ actor: user, communeId: places2.otherCommuneId, representation: 'ngo', localityId: null, organisation: 'OSP', statement: '' });
      await decideMembership({ actor: otherCoordinatorHere, membershipId: id, decision: 'approve', reason: '' });
      const { members } = await listCommuneMembers({ communeSlug: (await db.query.communes.findFirst({ where: (c, { eq }) => eq(c.id, places2.communeId) }))!.slug });
      expect(members).toHaveLength(4);
    } finally {
      await saveForumSettings({ localityQuota: 5, organisationQuota: 5 });
    }
  });
});

describe('ending a membership', () => {
  it('a member steps down from their own membership only', async () => {
    const member = await makeMember(places.communeId);
    const stranger = await makeMember(places.communeId);
    const mine = await getMyMembership({ actor: member });
    expect((await thrown(stepDown({ actor: stranger, membershipId: mine!.id }))).code).toBe('not_found:membership');
    await stepDown({ actor: member, membershipId: mine!.id });
    expect((await getMyMembership({ actor: member }))!.status).toBe('ended');
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'membership.step_down')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.targetId).toBe(String(mine!.id));
  });

  it('a coordinator of the commune ends it with a reason (audited); others may not', async () => {
    const member = await makeMember(places.communeId);
    const { id } = (await getMyMembership({ actor: member }))!;
    expect((await thrown(endMembership({ actor: otherCoordinator, membershipId: id, reason: 'Nieobecności' }))).code).toBe('forbidden');
    expect((await thrown(endMembership({ actor: member, membershipId: id, reason: 'Nieobecności' }))).code).toBe('forbidden');
    await endMembership({ actor: communeCoordinator, membershipId: id, reason: 'Trzy nieobecności z rzędu' });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'membership.end')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.details).toMatchObject({ reason: 'Trzy nieobecności z rzędu' });
  });
});

describe('the coordinator queue', () => {
  it('shows only the communes in the coordinator scope; a non-coordinator is refused', async () => {
    const here = await makeUser();
    const there = await makeUser();
    await apply(here);
    await apply(there, 'ngo', places.otherCommuneId);
    const scoped = await listManagedMemberships({ actor: communeCoordinator });
    expect(scoped.pending.every((m) => m.communeId === places.communeId)).toBe(true);
    const all = await listManagedMemberships({ actor: countyCoordinator });
    expect(all.pending.some((m) => m.communeId === places.otherCommuneId)).toBe(true);
    expect((await thrown(listManagedMemberships({ actor: await makeMember(places.communeId) }))).code).toBe('forbidden');
  });
});

describe('the public member list', () => {
  it('counts the approved members of each commune (not pending, rejected or ended ones)', async () => {
    const fresh = await makePlaces();
    await makeMember(fresh.communeId, 'ngo');
    await makeMember(fresh.communeId, 'business');
    const leaving = await makeMember(fresh.communeId, 'ngo');
    await makeMember(fresh.otherCommuneId, 'ngo');
    await apply(await makeUser(), 'ngo', fresh.communeId);
    const [own] = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, leaving.id));
    await stepDown({ actor: leaving, membershipId: own!.id });
    const counts = new Map((await listCommunesWithMembers()).map((c) => [c.id, c.members]));
    expect(counts.get(fresh.communeId)).toBe(2);
    expect(counts.get(fresh.otherCommuneId)).toBe(1);
  });
});

describe('forum settings', () => {
  it('only an administrator changes them, and the change is audited', async () => {
    const { updateForumSettings, getForumSettings } = await import('./settings');
    const settings = { localityQuota: 6, organisationQuota: 4, autoHideReports: 3, postsPerWindow: 10, postWindowSeconds: 300 };
    for (const actor of [countyCoordinator, await makeUser([{ role: 'moderator', communeId: null }]), await makeMember(places.communeId)]) {
      expect((await thrown(updateForumSettings({ actor, settings }))).code).toBe('forbidden');
    }
    await updateForumSettings({ actor: admin, settings });
    expect(await getForumSettings()).toEqual(settings);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'forum.settings')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.details).toMatchObject({ after: settings });
    await updateForumSettings({ actor: admin, settings: { ...settings, localityQuota: 5, organisationQuota: 5 } });
  });
});
