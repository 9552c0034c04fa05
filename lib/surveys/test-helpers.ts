import { randomUUID } from 'node:crypto';
import { db } from '@/db/client';
import { communes, localities, userRoles, users } from '@/db/schema';
import type { CurrentUser, RoleGrant } from '@/lib/auth/permissions';
import type { SurveyFormInput } from './schema';

// Shared by the surveys integration and property tests (not shipped: only *.test.ts import it).

let sequence = 0;

export async function makeUser(roles: RoleGrant[] = []): Promise<CurrentUser> {
  const email = `survey${++sequence}-${randomUUID().slice(0, 8)}@example.pl`;
  const [row] = await db.insert(users).values({ name: 'Test', email }).returning({ id: users.id });
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((g) => ({ userId: row!.id, ...g })));
  return { id: row!.id, email, name: 'Test', locale: 'pl', roles };
}

export async function makePlaces() {
  const suffix = randomUUID().slice(0, 6);
  const rows = await db
    .insert(communes)
    .values([
      { slug: `gmina-a-${suffix}`, name: `Gmina A ${suffix}`, kind: 'rural' },
      { slug: `gmina-b-${suffix}`, name: `Gmina B ${suffix}`, kind: 'urban' },
    ])
    .returning({ id: communes.id });
  const [locality] = await db.insert(localities).values({ communeId: rows[0]!.id, name: `Wieś ${suffix}`, kind: 'village' }).returning({ id: localities.id });
  return { communeA: rows[0]!.id, communeB: rows[1]!.id, localityA: locality!.id };
}

const l = (pl: string) => ({ pl, en: '' });
const scale = [1, 2, 3, 4, 5].map((n) => l(String(n)));

/** A small survey with every kind of rule the submission checks, covering the given communes. */
export function smallSurveyForm(slug: string, responseMode: 'open_link' | 'invitation' = 'open_link', communeIds: number[] = []): SurveyFormInput {
  return {
    meta: { slug, titlePl: 'Mała ankieta', responseMode, communeIds, opensAt: null, closesAt: null },
    definition: {
      sections: [
        {
          id: 's1',
          title: l('Pierwsza'),
          questions: [
            { id: 'bus', type: 'single_choice', label: l('Autobus?'), required: true, options: [{ value: 'yes', label: l('Tak') }, { value: 'no', label: l('Nie') }] },
            { id: 'bus_rating', type: 'rating', label: l('Ocena'), required: true, scaleLabels: scale, allowDontKnow: true, condition: { questionId: 'bus', equals: 'yes' } },
            { id: 'services', type: 'matrix', label: l('Usługi'), required: true, area: 'transport', measure: 'satisfaction', rows: [{ value: 'a', label: l('A') }, { value: 'b', label: l('B') }], scaleLabels: scale },
          ],
        },
        {
          id: 's2',
          title: l('Druga'),
          questions: [
            { id: 'rank', type: 'ranking', label: l('Kolejność'), required: true, measure: 'priority', maxRanked: 2, items: [{ value: 'x', label: l('X') }, { value: 'y', label: l('Y') }, { value: 'z', label: l('Z') }] },
            { id: 'many', type: 'multiple_choice', label: l('Wiele'), maxChoices: 2, options: [{ value: 'p', label: l('P') }, { value: 'q', label: l('Q') }, { value: 'r', label: l('R') }] },
            { id: 'count', type: 'number', label: l('Liczba'), min: 0, max: 10 },
            { id: 'note', type: 'short_text', label: l('Uwagi'), maxLength: 20 },
          ],
        },
      ],
    },
  };
}

export function validPayload(communeId: number, extra: Record<string, unknown> = {}) {
  return {
    submissionId: randomUUID(),
    consent: true,
    profile: { communeId, localityId: null, ageGroup: '25_34', respondentType: 'resident' },
    answers: { bus: 'yes', bus_rating: 4, services: { a: 1, b: 5 }, rank: ['z', 'x'], many: ['p'], count: 3, note: 'ok' },
    ...extra,
  };
}
