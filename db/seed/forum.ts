import { and, eq, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { quarterOf } from '@/lib/local-time';
import type { Database } from '../client';
import {
  communes,
  consultations,
  forumSettings,
  localities,
  memberships,
  positions,
  posts,
  scorecards,
  serviceAreas,
  threadAreas,
  threadFollows,
  threads,
  users,
  type Representation,
} from '../schema';
import { DEMO_PASSWORD } from './demo';

/**
 * The forum's settings row with the defaults of a new deployment: 5 village/neighbourhood seats and
 * 5 NGO + business seats per commune, a post hidden at 3 reports. Left alone if it exists (an
 * administrator may have changed it).
 */
export async function seedForumSettings(db: Database) {
  await db.insert(forumSettings).values({ id: 1 }).onConflictDoNothing();
}

type DemoMember = { email: string; name: string; commune: string; representation: Representation; locality?: string; organisation?: string; status?: 'approved' | 'pending' };

/** Forum members of the demo, all with the demo password. Krempna's NGO + business quota is full. */
const DEMO_MEMBERS: DemoMember[] = [
  { email: 'soltys.cieklin@agora.local', name: 'Stanisław Bieniek', commune: 'debowiec', representation: 'locality', locality: 'Cieklin' },
  { email: 'soltys.folusz@agora.local', name: 'Halina Ruszel', commune: 'debowiec', representation: 'locality', locality: 'Folusz' },
  { email: 'kgw.debowiec@agora.local', name: 'Bożena Mazur', commune: 'debowiec', representation: 'ngo', organisation: 'Koło Gospodyń Wiejskich w Dębowcu' },
  { email: 'osiedle.gamrat@agora.local', name: 'Tomasz Wójtowicz', commune: 'miasto-jaslo', representation: 'locality', locality: 'Gamrat' },
  { email: 'firma.jaslo@agora.local', name: 'Agnieszka Kula', commune: 'miasto-jaslo', representation: 'business', organisation: 'Piekarnia Kula s.c.' },
  { email: 'soltys.lubla@agora.local', name: 'Józef Szczepański', commune: 'kolaczyce', representation: 'locality', locality: 'Lubla' },
  { email: 'ngo.kolaczyce@agora.local', name: 'Ewa Gancarz', commune: 'kolaczyce', representation: 'ngo', organisation: 'Stowarzyszenie Przyjaciół Kołaczyc' },
  { email: 'ngo1.krempna@agora.local', name: 'Marek Hnatko', commune: 'krempna', representation: 'ngo', organisation: 'Stowarzyszenie Magurskie' },
  { email: 'ngo2.krempna@agora.local', name: 'Irena Dziedzic', commune: 'krempna', representation: 'ngo', organisation: 'OSP Krempna' },
  { email: 'ngo3.krempna@agora.local', name: 'Paweł Kaczor', commune: 'krempna', representation: 'ngo', organisation: 'Klub Sportowy Magura' },
  { email: 'firma1.krempna@agora.local', name: 'Grzegorz Pyrcz', commune: 'krempna', representation: 'business', organisation: 'Agroturystyka pod Magurą' },
  { email: 'firma2.krempna@agora.local', name: 'Lucyna Czech', commune: 'krempna', representation: 'business', organisation: 'Sklep Spożywczy Ożenna' },
  { email: 'fundacja.krempna@agora.local', name: 'Olga Fundacyjna', commune: 'krempna', representation: 'ngo', organisation: 'Fundacja Beskid Niski', status: 'pending' },
];

const DEMO_THREADS: { title: string; commune: string | null; areas: string[]; posts: [string, string][] }[] = [
  {
    title: 'Dowóz dzieci do szkoły w Cieklinie – autobus przyjeżdża za wcześnie',
    commune: 'debowiec',
    areas: ['education', 'transport'],
    posts: [
      ['soltys.cieklin@agora.local', 'Rodzice z Cieklina zgłaszają, że autobus szkolny zabiera dzieci już o **6:40**, a lekcje zaczynają się o 8:00. Dzieci czekają pod szkołą ponad godzinę.\n\nCzy gmina może zmienić rozkład?'],
      ['kgw.debowiec@agora.local', 'Potwierdzam – w Foluszu jest tak samo. Może dałoby się zrobić drugi kurs?'],
      ['koordynator.debowiec@agora.local', 'Dziękuję za sygnał. Zapytamy przewoźnika o koszt drugiego kursu i wrócimy z odpowiedzią na najbliższym posiedzeniu zespołu.'],
    ],
  },
  {
    title: 'Brak chodnika przy drodze powiatowej na Gamracie',
    commune: 'miasto-jaslo',
    areas: ['utilities', 'transport'],
    posts: [
      ['osiedle.gamrat@agora.local', 'Na odcinku ul. Mickiewicza przy przystanku nie ma chodnika ani oświetlenia. Mieszkańcy – zwłaszcza starsi – idą poboczem.'],
      ['firma.jaslo@agora.local', 'Zimą jest tam szczególnie niebezpiecznie. Jako przedsiębiorcy możemy dołożyć się do oświetlenia przy naszym sklepie.'],
    ],
  },
  {
    title: 'Dostęp do lekarza rodzinnego w gminach wiejskich',
    commune: null,
    areas: ['health'],
    posts: [
      ['ngo.kolaczyce@agora.local', 'W wielu sołectwach na wizytę u lekarza rodzinnego czeka się ponad tydzień. Jak to wygląda u Was?\n\n- Kołaczyce: 7–10 dni\n- Lubla: brak punktu, trzeba dojechać'],
      ['soltys.lubla@agora.local', 'Dla seniorów bez samochodu to poważny problem – jedyny autobus jest rano.'],
      ['ngo1.krempna@agora.local', 'W Krempnej ośrodek zdrowia przyjmuje dwa razy w tygodniu. Proponujemy teleporady dla osób starszych.'],
    ],
  },
  {
    title: 'Modernizacja oświetlenia ulicznego – LED i fotowoltaika',
    commune: 'kolaczyce',
    areas: ['energy', 'utilities'],
    posts: [['ngo.kolaczyce@agora.local', 'Gmina planuje wymianę lamp na LED. Warto zapytać o panele fotowoltaiczne na budynkach gminnych – obniżyłyby rachunki za prąd.']],
  },
];

/**
 * Demo forum content: members in several communes (Krempna with a full NGO + business quota and one
 * application waiting), a few discussions, an open county-wide consultation and some ratings.
 * Runs once: skipped when the forum already has threads.
 */
export async function seedForumDemo(db: Database) {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(threads);
  if ((existing?.n ?? 0) > 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const communeRows = await tx.select({ id: communes.id, slug: communes.slug }).from(communes);
    const communeId = (slug: string) => communeRows.find((c) => c.slug === slug)?.id;
    const areaRows = await tx.select({ id: serviceAreas.id, slug: serviceAreas.slug }).from(serviceAreas);
    const areaId = (slug: string) => areaRows.find((a) => a.slug === slug)?.id;
    const userIds = new Map<string, string>();
    const since = new Date(Date.now() - 60 * 24 * 3600 * 1000);

    for (const m of DEMO_MEMBERS) {
      const cid = communeId(m.commune);
      if (!cid) continue;
      await tx.insert(users).values({ email: m.email, name: m.name, passwordHash, consentAt: new Date() }).onConflictDoNothing();
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, m.email));
      userIds.set(m.email, user!.id);
      let localityId: number | null = null;
      if (m.locality) {
        const [l] = await tx.select({ id: localities.id }).from(localities).where(and(eq(localities.communeId, cid), eq(localities.name, m.locality)));
        localityId = l?.id ?? null;
        if (!localityId) continue;
      }
      const status = m.status ?? 'approved';
      await tx
        .insert(memberships)
        .values({
          userId: user!.id,
          communeId: cid,
          representation: m.representation,
          localityId,
          organisation: m.organisation ?? null,
          status,
          decidedAt: status === 'approved' ? since : null,
          statement: status === 'pending' ? 'Fundacja prowadzi zajęcia dla dzieci i seniorów w gminie Krempna.' : '',
        })
        .onConflictDoNothing();
    }
    for (const email of ['koordynator.debowiec@agora.local', 'koordynator@agora.local']) {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (u) userIds.set(email, u.id);
    }

    let minutes = 60 * 24 * 10;
    for (const demo of DEMO_THREADS) {
      const authors = demo.posts.map(([email]) => userIds.get(email));
      if (authors.some((a) => !a)) continue;
      const cid = demo.commune ? communeId(demo.commune) : null;
      if (demo.commune && !cid) continue;
      const start = new Date(Date.now() - minutes * 60 * 1000);
      minutes -= 60 * 24 * 2;
      const last = new Date(start.getTime() + (demo.posts.length - 1) * 3600 * 1000);
      const [thread] = await tx
        .insert(threads)
        .values({ communeId: cid ?? null, title: demo.title, authorId: authors[0]!, postCount: demo.posts.length, createdAt: start, lastPostAt: last })
        .returning({ id: threads.id });
      const areaIds = demo.areas.map(areaId).filter((id): id is number => id !== undefined);
      if (areaIds.length) await tx.insert(threadAreas).values(areaIds.map((serviceAreaId) => ({ threadId: thread!.id, serviceAreaId })));
      await tx.insert(posts).values(
        demo.posts.map(([, body], i) => ({
          threadId: thread!.id,
          number: i + 1,
          authorId: authors[i]!,
          body,
          createdAt: new Date(start.getTime() + i * 3600 * 1000),
        })),
      );
      await tx.insert(threadFollows).values([...new Set(authors)].map((userId) => ({ userId: userId!, threadId: thread!.id }))).onConflictDoNothing();
    }

    // An open county-wide consultation with two positions so far.
    const coordinatorId = userIds.get('koordynator@agora.local');
    const transport = areaId('transport');
    if (coordinatorId && transport) {
      const title = 'Strategia usług publicznych: sieć połączeń autobusowych';
      const body =
        'Projekt zakłada, że od 2027 r. każde sołectwo będzie miało co najmniej **trzy kursy dziennie** do siedziby gminy i do Jasła, a w weekendy dwa.\n\n- wspólny bilet powiatowy\n- przystanki na żądanie w małych wsiach\n- rozkłady dopasowane do godzin pracy szkół i przychodni';
      const [thread] = await tx
        .insert(threads)
        .values({ communeId: null, title, authorId: coordinatorId, postCount: 1 })
        .returning({ id: threads.id });
      await tx.insert(threadAreas).values({ threadId: thread!.id, serviceAreaId: transport });
      await tx.insert(posts).values({ threadId: thread!.id, number: 1, authorId: coordinatorId, body });
      const [consultation] = await tx
        .insert(consultations)
        .values({ threadId: thread!.id, communeId: null, title, body, deadline: new Date(Date.now() + 30 * 24 * 3600 * 1000), createdBy: coordinatorId })
        .returning({ id: consultations.id });
      const demoPositions: [string, 'supports' | 'supports_with_remarks' | 'opposes' | 'abstains', string][] = [
        ['soltys.cieklin@agora.local', 'supports_with_remarks', 'Popieramy, ale pierwszy kurs musi być dopasowany do lekcji, nie do pracy.'],
        ['firma.jaslo@agora.local', 'supports', 'Wspólny bilet ułatwi dojazd pracownikom.'],
      ];
      for (const [email, position, justification] of demoPositions) {
        const member = DEMO_MEMBERS.find((m) => m.email === email)!;
        const uid = userIds.get(email);
        const cid = communeId(member.commune);
        if (uid && cid) {
          await tx.insert(positions).values({ consultationId: consultation!.id, userId: uid, communeId: cid, representation: member.representation, position, justification });
        }
      }
    }

    // Ratings: last quarter and this one, for a few areas.
    const now = new Date();
    const previous = new Date(now.getTime() - 95 * 24 * 3600 * 1000);
    const ratings: [string, string, number, number, Date][] = [
      ['soltys.cieklin@agora.local', 'transport', 2, 2, previous],
      ['soltys.cieklin@agora.local', 'transport', 3, 3, now],
      ['soltys.folusz@agora.local', 'transport', 2, 2, now],
      ['kgw.debowiec@agora.local', 'education', 4, 4, now],
      ['osiedle.gamrat@agora.local', 'utilities', 2, 2, now],
      ['soltys.lubla@agora.local', 'health', 2, 2, previous],
      ['soltys.lubla@agora.local', 'health', 1, 1, now],
    ];
    for (const [email, area, score, , at] of ratings) {
      const member = DEMO_MEMBERS.find((m) => m.email === email)!;
      const uid = userIds.get(email);
      const cid = communeId(member.commune);
      const aid = areaId(area);
      if (uid && cid && aid) {
        await tx.insert(scorecards).values({ userId: uid, communeId: cid, serviceAreaId: aid, quarter: quarterOf(at), score, comment: '', createdAt: at }).onConflictDoNothing();
      }
    }
  });
}
