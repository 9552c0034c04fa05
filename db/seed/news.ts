import { eq, sql } from 'drizzle-orm';
import { daysFromToday } from '@/lib/local-time';
import type { Database } from '../client';
import { articles, communes, users, type NewArticle } from '../schema';

type DemoArticle = Omit<NewArticle, 'communeId' | 'publishedAt'> & { commune: string | null; day: number };

const DEMO: DemoArticle[] = [
  {
    title: 'Ruszyła Jasielska Agora',
    lead: 'Powiat jasielski i jego gminy tworzą forum obywatelskie o jakości usług publicznych.',
    body: 'W ramach projektu **„Jasielska Strefa Usług Publicznych”** powstaje Jasielska Agora – forum konsultacyjne i opiniotwórcze.\n\nW każdej gminie działa zespół: 5 przedstawicieli sołectw lub osiedli i do 5 przedstawicieli organizacji pozarządowych i przedsiębiorców. Po zakończeniu projektu forum pozostanie lokalnym forum rozwoju i będzie monitorować jakość usług publicznych.',
    status: 'published',
    commune: null,
    day: -45,
  },
  {
    title: 'Diagnoza potrzeb mieszkańców: ankieta już dostępna',
    lead: 'Edukacja, zdrowie, transport, usługi komunalne, kultura i energia – powiedz, czego potrzebujesz najbardziej.',
    body: 'Rozpoczęliśmy diagnozę stanu i zapotrzebowania mieszkańców na usługi publiczne. Ankieta jest anonimowa i nie wymaga zakładania konta.\n\nAnkiety papierowe można oddać w urzędach gmin i na spotkaniach forum.',
    status: 'published',
    commune: null,
    day: -30,
  },
  {
    title: 'Za nami pierwsza sesja szkoleniowa',
    lead: 'Usługi publiczne w ujęciu strategicznym – 28 uczestników ze wszystkich gmin powiatu.',
    body: 'Pierwsza z trzech sesji szkoleniowych dla kadry zarządzającej JST dotyczyła pojęcia, zakresu i wskaźników usług publicznych.\n\nKolejna sesja: *warsztaty – analiza stanu usług publicznych w gminach powiatu jasielskiego*.',
    status: 'published',
    commune: null,
    day: -24,
  },
  {
    title: 'Dębowiec: zespół gminny Agory rozpoczął pracę',
    lead: 'Na pierwszej sesji w Dębowcu rozmawiano o wodzie, kanalizacji i dojazdach do Jasła.',
    body: 'Zespół gminny Jasielskiej Agory w Dębowcu spotkał się po raz pierwszy. Najczęściej zgłaszane sprawy to rozbudowa kanalizacji i połączenia autobusowe do Jasła.',
    status: 'published',
    commune: 'debowiec',
    day: -9,
  },
  {
    title: 'Zaproszenie na konferencję kończącą projekt',
    lead: 'Podsumujemy diagnozę potrzeb i przedstawimy Zintegrowaną Strategię Usług Publicznych.',
    body: 'Szkic zaproszenia – program konferencji zostanie uzupełniony.',
    status: 'draft',
    commune: null,
    day: -1,
  },
];

/** Demo news, loaded only while there are no articles. */
export async function seedDemoNews(db: Database) {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(articles);
  if (existing!.n > 0) return;
  const communeRows = await db.select({ id: communes.id, slug: communes.slug }).from(communes);
  const communeId = new Map(communeRows.map((c) => [c.slug, c.id]));
  const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'koordynator@agora.local')).limit(1);
  const rows = DEMO.filter((a) => !a.commune || communeId.has(a.commune)).map(({ commune, day, ...article }) => ({
    ...article,
    communeId: commune ? communeId.get(commune)! : null,
    publishedAt: daysFromToday(day, '09:00'),
    authorId: author?.id ?? null,
  }));
  if (rows.length) await db.insert(articles).values(rows);
}
