import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { receiveFile } from '@/lib/files/upload';
import { daysFromToday } from '@/lib/local-time';
import type { Database } from '../client';
import { communes, documents, documentVersions, meetings, serviceAreas, users, type NewDocument } from '../schema';

// The demo library: a model of service delivery, the training's materials attached to its meeting
// (its minutes promise them) and a members-only expert report in two versions. The files are real
// PDFs, kept in the file store like an upload (lib/files: type by content, pages counted), so the
// library, the downloads and the indicators' "documents published" show on the demo as they would
// in use.

interface DemoDocument {
  title: string;
  description: string;
  kind: NewDocument['kind'];
  commune: string | null;
  area: string | null;
  visibility: NewDocument['visibility'];
  /** Attached to the meeting with this title. */
  meeting?: string;
  /** One file per version: its name, its pages' lines, and the day it was uploaded (from today). */
  versions: { fileName: string; pages: string[][]; day: number }[];
}

const DEMO: DemoDocument[] = [
  {
    title: 'Model świadczenia usług edukacyjnych – gmina Dębowiec',
    description: 'Model świadczenia usług w obszarze edukacji: stan, standard usługi, wskaźniki i sposób monitorowania.',
    kind: 'service_model',
    commune: 'debowiec',
    area: 'education',
    visibility: 'public',
    versions: [{ fileName: 'model-edukacja-debowiec.pdf', pages: [['Model swiadczenia uslug edukacyjnych', 'Gmina Debowiec'], ['Wskazniki i monitorowanie']], day: -18 }],
  },
  {
    title: 'Materiały z sesji szkoleniowej 1',
    description: 'Prezentacja z pierwszej sesji szkoleniowej: pojęcie, zakres i wskaźniki usług publicznych.',
    kind: 'training',
    commune: null,
    area: null,
    visibility: 'public',
    meeting: 'Sesja szkoleniowa 1: Usługi publiczne w ujęciu strategicznym',
    versions: [{ fileName: 'sesja-szkoleniowa-1.pdf', pages: [['Uslugi publiczne w ujeciu strategicznym'], ['Pojecie i zakres uslug'], ['Wskazniki jakosci']], day: -24 }],
  },
  {
    title: 'Raport ekspercki: dostępność komunikacji publicznej w powiecie',
    description: 'Wstępne wyniki analizy połączeń autobusowych między wsiami a Jasłem. Dla członków forum do dyskusji.',
    kind: 'expert_report',
    commune: null,
    area: 'transport',
    visibility: 'members',
    versions: [
      { fileName: 'raport-komunikacja.pdf', pages: [['Dostepnosc komunikacji publicznej', 'Wersja robocza']], day: -6 },
      { fileName: 'raport-komunikacja.pdf', pages: [['Dostepnosc komunikacji publicznej', 'Wersja po uwagach forum'], ['Wnioski']], day: -2 },
    ],
  },
];

/** A small PDF with a line or two on each page (the standard fonts have no Polish letters). */
async function demoPdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 760 - i * 28, size: i === 0 ? 20 : 14, font }));
  }
  return pdf.save();
}

/** Adds the demo documents once (none are added to a library that has any). */
export async function seedDemoDocuments(db: Database) {
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(documents);
  if (n > 0) return;
  const [coordinator] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'koordynator@agora.local')).limit(1);
  if (!coordinator) return;
  for (const d of DEMO) {
    const [commune] = d.commune ? await db.select({ id: communes.id }).from(communes).where(eq(communes.slug, d.commune)).limit(1) : [];
    const [area] = d.area ? await db.select({ id: serviceAreas.id }).from(serviceAreas).where(eq(serviceAreas.slug, d.area)).limit(1) : [];
    const [meeting] = d.meeting ? await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.title, d.meeting)).limit(1) : [];
    const files: { received: Awaited<ReturnType<typeof receiveFile>>; at: Date }[] = [];
    for (const v of d.versions) {
      const received = await receiveFile({ name: v.fileName, stream: Readable.from([Buffer.from(await demoPdf(v.pages))]) });
      files.push({ received, at: daysFromToday(v.day, '10:00') });
    }
    await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(documents)
        .values({
          title: d.title,
          description: d.description,
          kind: d.kind,
          communeId: commune?.id ?? null,
          serviceAreaId: area?.id ?? null,
          visibility: d.visibility,
          meetingId: meeting?.id ?? null,
          versionCount: files.length,
          createdBy: coordinator.id,
          createdAt: files[0]!.at,
          updatedAt: files.at(-1)!.at,
        })
        .returning({ id: documents.id });
      await tx.insert(documentVersions).values(
        files.map(({ received, at }, i) => ({
          documentId: created!.id,
          number: i + 1,
          storageKey: received.key,
          fileName: received.name,
          contentType: received.contentType,
          size: received.size,
          sha256: received.sha256,
          pageCount: received.pageCount,
          uploadedBy: coordinator.id,
          createdAt: at,
        })),
      );
    });
  }
}
