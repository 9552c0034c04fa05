import { and, eq, inArray, sql } from 'drizzle-orm';
import { daysFromToday } from '@/lib/local-time';
import type { Database } from '../client';
import { communes, meetingAttendance, meetingAttendees, meetings, memberships, users, type AttendanceRepresentation, type NewMeeting } from '../schema';

/**
 * Who came to a past meeting: people from the sign-up list (by e-mail; their representation is
 * their forum seat's, else "other") and walk-ins without names, by representation.
 */
type DemoPresence = { signUps: string[]; walkIns: Partial<Record<AttendanceRepresentation, number>> };

type DemoMeeting = Omit<NewMeeting, 'communeId' | 'startsAt' | 'endsAt'> & { commune: string | null; day: number; from: string; to: string; attendees?: string[] };

// From the seeds' story: Jasielska Agora sessions in the communes, the three training sessions of
// the project ("sesja 1–3"), strategic workshops, social-consultation workshops and a closing
// conference.
const DEMO: DemoMeeting[] = [
  {
    type: 'forum_session',
    title: 'Inauguracyjna sesja Jasielskiej Agory – Miasto Jasło',
    description: 'Pierwsza sesja forum obywatelskiego w Jaśle. Przedstawiciele osiedli, organizacji pozarządowych i przedsiębiorców poznają zasady działania **Jasielskiej Agory**.',
    agenda: '1. Otwarcie sesji\n2. Zasady działania forum\n3. Wybór zespołu gminnego\n4. Wolne wnioski',
    address: 'Jasielski Dom Kultury, ul. Kołłątaja 1, 38-200 Jasło',
    commune: 'miasto-jaslo',
    day: -40,
    from: '17:00',
    to: '19:00',
    capacity: 60,
    minutes: 'Sesję otworzył koordynator projektu. Wybrano zespół gminny (5 przedstawicieli osiedli i 4 przedstawicieli NGO i przedsiębiorców).\n\n- Ustalono harmonogram spotkań do końca roku.\n- Najważniejsze tematy: komunikacja publiczna i dostęp do lekarzy specjalistów.',
  },
  {
    type: 'training',
    title: 'Sesja szkoleniowa 1: Usługi publiczne w ujęciu strategicznym',
    description: 'Szkolenie dla kadry zarządzającej JST i osób zaangażowanych w projekt: pojęcie, zakres i wskaźniki usług publicznych, ich rola w planowaniu rozwoju.',
    agenda: '1. Pojęcie i zakres usług publicznych\n2. Wskaźniki jakości\n3. Rola usług w procesie planowania',
    address: 'Starostwo Powiatowe w Jaśle, ul. Rynek 18, 38-200 Jasło, sala konferencyjna',
    commune: null,
    day: -25,
    from: '09:00',
    to: '14:00',
    minutes: 'W szkoleniu wzięło udział 28 osób ze wszystkich gmin powiatu. Materiały zostaną udostępnione uczestnikom.',
  },
  {
    type: 'forum_session',
    title: 'Sesja forum – gmina Dębowiec',
    description: 'Sesja zespołu gminnego Jasielskiej Agory w Dębowcu: jakość usług komunalnych i transportu.',
    agenda: '1. Otwarcie\n2. Usługi komunalne: woda, kanalizacja, odpady\n3. Dojazdy do Jasła',
    address: 'Urząd Gminy Dębowiec, sala narad, Dębowiec 1, 38-220 Dębowiec',
    commune: 'debowiec',
    day: -10,
    from: '16:00',
    to: '18:00',
  },
  {
    type: 'forum_session',
    title: 'Sesja Jasielskiej Agory – gmina Kołaczyce',
    description: 'Zespół gminny omawia wyniki pierwszej części diagnozy potrzeb mieszkańców.',
    agenda: '1. Wyniki diagnozy – edukacja i zdrowie\n2. Priorytety gminy\n3. Wolne wnioski',
    address: 'Centrum Kultury w Kołaczycach, Rynek 1, 38-213 Kołaczyce',
    commune: 'kolaczyce',
    day: 5,
    from: '17:00',
    to: '19:00',
    capacity: 30,
    attendees: ['czlonek@agora.local'],
  },
  {
    type: 'consultation',
    title: 'Warsztaty z konsultacji społecznych: komunikacja publiczna',
    description: 'Warsztaty dla przedstawicieli sołectw, osiedli, organizacji pozarządowych i przedsiębiorców. Przed spotkaniem warto wypełnić ankietę diagnozy potrzeb.',
    agenda: '1. Jak prowadzić konsultacje społeczne\n2. Praca w grupach: rozkłady jazdy i dojazdy do szkół\n3. Podsumowanie',
    address: 'Starostwo Powiatowe w Jaśle, ul. Rynek 18, 38-200 Jasło',
    onlineUrl: 'https://meet.jit.si/jasielska-agora-konsultacje',
    linkUrl: '/s/diagnoza-potrzeb',
    commune: null,
    day: 12,
    from: '10:00',
    to: '14:00',
    capacity: 40,
  },
  {
    type: 'workshop',
    title: 'Warsztaty strategiczne: analiza stanu usług publicznych w gminach',
    description: 'Sesja 2: analiza stanu usług publicznych w gminach powiatu jasielskiego i możliwości wzmocnienia ich dostępności i jakości.',
    agenda: '1. Wyniki diagnozy\n2. Mapa potrzeb gmin\n3. Kierunki działań',
    address: 'Gminny Ośrodek Kultury, Nowy Żmigród 1, 38-230 Nowy Żmigród',
    commune: 'nowy-zmigrod',
    day: 20,
    from: '09:30',
    to: '15:00',
    capacity: 35,
  },
  {
    type: 'forum_session',
    title: 'Sesja forum – gmina Krempna',
    description: 'Sesja zespołu gminnego: zdrowie i dostęp do usług w małych miejscowościach.',
    agenda: '1. Otwarcie\n2. Dostęp do lekarza rodzinnego\n3. Transport na żądanie',
    address: 'Urząd Gminy Krempna, Krempna 62, 38-232 Krempna',
    commune: 'krempna',
    day: 26,
    from: '16:00',
    to: '18:00',
  },
  {
    type: 'conference',
    title: 'Konferencja kończąca projekt „Jasielska Strefa Usług Publicznych”',
    description: 'Podsumowanie projektu: Zintegrowana Strategia Usług Publicznych, wyniki diagnozy potrzeb i dalsze działanie Jasielskiej Agory jako lokalnego forum rozwoju.',
    agenda: '1. Wystąpienie Starosty Jasielskiego\n2. Wyniki diagnozy potrzeb\n3. Zintegrowana Strategia Usług Publicznych\n4. Panel dyskusyjny z przedstawicielami gmin',
    address: 'Jasielski Dom Kultury, ul. Kołłątaja 1, 38-200 Jasło, sala widowiskowa',
    commune: null,
    day: 60,
    from: '10:00',
    to: '15:00',
    capacity: 150,
  },
];

/** Who came to the demo's past meetings (by title), consistent with their minutes. */
const DEMO_PRESENCE: Record<string, DemoPresence> = {
  // The team the minutes name (5 neighbourhoods; 3 NGOs and 1 business, with the two members
  // signed up) and 14 residents: 23 people.
  'Inauguracyjna sesja Jasielskiej Agory – Miasto Jasło': { signUps: ['osiedle.gamrat@agora.local', 'firma.jaslo@agora.local'], walkIns: { locality: 4, ngo: 3, other: 14 } },
  // The 28 of the minutes: 3 signed up (a resident, a village head, an NGO member) and 25
  // walk-ins, mostly communes' staff: 4 villages, 3 NGOs, 2 businesses, 19 others.
  'Sesja szkoleniowa 1: Usługi publiczne w ujęciu strategicznym': { signUps: ['czlonek@agora.local', 'soltys.cieklin@agora.local', 'ngo.kolaczyce@agora.local'], walkIns: { locality: 3, ngo: 2, business: 2, other: 18 } },
};

/** Demo meetings, loaded only into a calendar that is still empty. */
export async function seedDemoMeetings(db: Database) {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(meetings);
  if (existing!.n > 0) return;
  const communeRows = await db.select({ id: communes.id, slug: communes.slug }).from(communes);
  const communeId = new Map(communeRows.map((c) => [c.slug, c.id]));
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ['koordynator@agora.local', 'czlonek@agora.local']));
  const userId = new Map(people.map((p) => [p.email, p.id]));
  await db.transaction(async (tx) => {
    for (const { commune, day, from, to, attendees, ...meeting } of DEMO) {
      if (commune && !communeId.has(commune)) continue; // another county's deployment
      const startsAt = daysFromToday(day, from);
      const [row] = await tx
        .insert(meetings)
        .values({
          ...meeting,
          communeId: commune ? communeId.get(commune)! : null,
          startsAt,
          endsAt: daysFromToday(day, to),
          minutesAt: meeting.minutes ? daysFromToday(day + 1, '12:00') : null,
          createdBy: userId.get('koordynator@agora.local') ?? null,
        })
        .returning({ id: meetings.id });
      for (const email of attendees ?? []) {
        const id = userId.get(email);
        if (id) await tx.insert(meetingAttendees).values({ meetingId: row!.id, userId: id }).onConflictDoNothing();
      }
    }
  });
}


/**
 * The attendance lists of the demo's past meetings (the training whose minutes say 28 people came
 * has 28 on its list), added to a meeting whose list is still empty: so a calendar seeded before
 * attendance existed gets them too, and a second run adds nothing.
 */
export async function seedDemoAttendance(db: Database) {
  const emails = Object.values(DEMO_PRESENCE).flatMap((p) => p.signUps);
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const userId = new Map(people.map((p) => [p.email, p.id]));
  const seats = await db
    .select({ userId: memberships.userId, representation: memberships.representation })
    .from(memberships)
    .where(and(inArray(memberships.userId, people.map((p) => p.id)), eq(memberships.status, 'approved')));
  const seatOf = new Map(seats.map((s) => [s.userId, s.representation]));
  await db.transaction(async (tx) => {
    for (const [title, present] of Object.entries(DEMO_PRESENCE)) {
      const [meeting] = await tx.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.title, title)).limit(1);
      if (!meeting) continue;
      const [listed] = await tx.select({ n: sql<number>`count(*)::int` }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, meeting.id));
      if (listed!.n > 0) continue;
      const recordedAt = new Date(meeting.startsAt.getTime() + 3 * 3600_000);
      const rows: (typeof meetingAttendance.$inferInsert)[] = [];
      for (const email of present.signUps) {
        const id = userId.get(email);
        if (!id) continue;
        await tx.insert(meetingAttendees).values({ meetingId: meeting.id, userId: id, createdAt: new Date(meeting.startsAt.getTime() - 7 * 86_400_000) }).onConflictDoNothing();
        rows.push({ meetingId: meeting.id, userId: id, representation: seatOf.get(id) ?? 'other', recordedAt });
      }
      for (const [representation, n] of Object.entries(present.walkIns) as [AttendanceRepresentation, number][]) {
        for (let i = 0; i < n; i++) rows.push({ meetingId: meeting.id, representation, recordedAt });
      }
      if (rows.length > 0) await tx.insert(meetingAttendance).values(rows);
    }
  });
}
