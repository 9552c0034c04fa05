import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, auditLog, documents, documentVersions, meetings } from '@/db/schema';
import { DiskStore } from '@/lib/files/disk-store';
import { setFileStoreForTests } from '@/lib/files/store';
import { makeMember, makePlaces, makeUser, thrown } from '@/lib/forum/test-helpers';
import { HTML_PAGE, pdfBytes, PNG_1x1, zeros } from '@/tests/file-fixtures';
import { addDocumentVersion, createDocument, deleteDocument, updateDocument } from './mutations';
import { getDocument, listAttachments, listDocuments, openDocumentFile } from './queries';

const folder = mkdtempSync(join(tmpdir(), 'agora-documents-'));
process.env.FILES_DIR = folder;
process.env.FILES_MAX_MB = '5';
const store = new DiskStore(folder);
setFileStoreForTests(store);

let places: Awaited<ReturnType<typeof makePlaces>>;
let pdf: Buffer;

beforeAll(async () => {
  places = await makePlaces();
  pdf = Buffer.from(await pdfBytes(4, 'Model transportu'));
});

const file = (bytes: Uint8Array = pdf, name = 'Model usług transportowych.pdf') => ({ name, stream: Readable.from([Buffer.from(bytes)]) });
const fields = (overrides: Record<string, string> = {}) => ({ title: 'Model usług transportowych', kind: 'service_model', communeId: '', serviceAreaId: '', visibility: 'public', description: '', ...overrides });
const storedObjects = () => (existsSync(join(folder, 'objects')) ? readdirSync(join(folder, 'objects'), { recursive: true }).filter((p) => /[0-9a-f-]{36}$/.test(String(p))).length : 0);

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function documentCount() {
  const [row] = await db.select({ n: count() }).from(documents);
  return row!.n;
}

describe('publishing a document', () => {
  it('a county coordinator publishes a PDF: listed for everyone, with its type, size and pages; audited', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const created = await createDocument({ actor: coordinator, input: fields({ serviceAreaId: String(places.areaIds[1]) }), file: file() });
    expect(created).toMatchObject({ number: 1, fileName: 'Model usług transportowych.pdf', contentType: 'application/pdf', size: pdf.length, pageCount: 4 });

    const { documents: listed } = await listDocuments({ viewer: null });
    const item = listed.find((d) => d.id === created.id)!;
    expect(item).toMatchObject({ title: 'Model usług transportowych', kind: 'service_model', communeName: null, areaNamePl: 'Transport', visibility: 'public', pageCount: 4, size: pdf.length, versionCount: 1, canManage: false });

    const opened = await openDocumentFile({ id: created.id, viewer: null });
    expect(opened).toMatchObject({ fileName: 'Model usług transportowych.pdf', contentType: 'application/pdf', size: pdf.length, isPublic: true });
    expect(await bytesOf(opened.stream)).toEqual(pdf);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'document.create'), eq(auditLog.targetId, String(created.id))));
    expect(audit).toMatchObject({ actorId: coordinator.id, targetType: 'document' });
    expect(audit!.details).toMatchObject({ title: 'Model usług transportowych', fileName: 'Model usług transportowych.pdf', size: pdf.length });
  });

  it('only coordinators publish, and a commune coordinator only in their commune — refused before a byte is read', async () => {
    const member = await makeMember(places.communeId);
    const local = await makeUser([{ role: 'coordinator', communeId: places.communeId }]);
    const before = await documentCount();

    const bytes = zeros(10 * 1024 * 1024);
    expect((await thrown(createDocument({ actor: member, input: fields(), file: { name: 'x.pdf', stream: bytes.stream } }))).status).toBe(403);
    const county = await thrown(createDocument({ actor: local, input: fields(), file: { name: 'x.pdf', stream: bytes.stream } }));
    expect(county.fieldErrors).toEqual({ communeId: ['commune_not_yours'] });
    const other = await thrown(createDocument({ actor: local, input: fields({ communeId: String(places.otherCommuneId) }), file: { name: 'x.pdf', stream: bytes.stream } }));
    expect(other.fieldErrors).toEqual({ communeId: ['commune_not_yours'] });
    expect(bytes.read()).toBe(0);

    const own = await createDocument({ actor: local, input: fields({ communeId: String(places.communeId), title: 'Ekspertyza gminna', kind: 'expert_report' }), file: file() });
    expect((await getDocument({ id: own.id, viewer: local })).canManage).toBe(true);
    expect(await documentCount()).toBe(before + 1);
  });

  it('field errors for what the form checks, again on the server', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const error = await thrown(createDocument({ actor: coordinator, input: fields({ title: 'ab', kind: 'poem', visibility: 'secret' }), file: file() }));
    expect(error.fieldErrors).toEqual({ title: ['title_too_short'], kind: ['document_kind_required'], visibility: ['visibility_required'] });
    expect((await thrown(createDocument({ actor: coordinator, input: fields(), file: null }))).fieldErrors).toEqual({ file: ['file_required'] });
  });

  it('a forged type, a file past the limit and a path for a name are refused, and nothing is kept', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const [rowsBefore, objectsBefore] = [await documentCount(), storedObjects()];
    const versionsBefore = (await db.select({ n: count() }).from(documentVersions))[0]!.n;

    expect((await thrown(createDocument({ actor: coordinator, input: fields(), file: file(HTML_PAGE, 'model.pdf') }))).fieldErrors).toEqual({ file: ['file_type_not_allowed'] });
    const big = zeros(200 * 1024 * 1024, 256 * 1024);
    const tooLarge = await thrown(createDocument({ actor: coordinator, input: fields(), file: { name: 'model.pdf', stream: big.stream } }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.fieldErrors).toEqual({ file: ['file_too_large'] });
    expect(big.read()).toBeLessThan(6 * 1024 * 1024);
    expect((await thrown(createDocument({ actor: coordinator, input: fields(), file: file(pdf, '../../../etc/model.pdf') }))).fieldErrors).toEqual({ file: ['file_name_invalid'] });

    expect(await documentCount()).toBe(rowsBefore);
    const versionsAfter = (await db.select({ n: count() }).from(documentVersions))[0]!.n;
    expect(versionsAfter).toBe(versionsBefore);
    expect(storedObjects()).toBe(objectsBefore);
    expect(readdirSync(join(folder, 'incoming'))).toEqual([]);
  });

  it('when the database refuses the record, the file already kept is removed again', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const objectsBefore = storedObjects();
    await db.execute(sql`create function refuse_documents() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`);
    await db.execute(sql`create trigger refuse_documents before insert on document_versions for each row execute function refuse_documents()`);
    try {
      await expect(createDocument({ actor: coordinator, input: fields({ title: 'Nieudany zapis' }), file: file() })).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger refuse_documents on document_versions`);
      await db.execute(sql`drop function refuse_documents()`);
    }
    expect(storedObjects()).toBe(objectsBefore);
    expect((await db.select().from(documents).where(eq(documents.title, 'Nieudany zapis'))).length).toBe(0);
  });
});

describe('who reads a members-only document', () => {
  it('forum members and staff; a visitor is asked to sign in, a signed-in non-member refused', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const { id } = await createDocument({ actor: coordinator, input: fields({ title: 'Materiały szkoleniowe dla członków', kind: 'training', visibility: 'members' }), file: file() });
    const member = await makeMember(places.otherCommuneId);
    const analyst = await makeUser([{ role: 'analyst', communeId: null }]);
    const outsider = await makeUser();

    for (const viewer of [member, analyst, coordinator]) {
      expect((await listDocuments({ viewer })).documents.map((d) => d.id)).toContain(id);
      expect(await bytesOf((await openDocumentFile({ id, viewer })).stream)).toEqual(pdf);
    }
    for (const viewer of [null, outsider]) expect((await listDocuments({ viewer })).documents.map((d) => d.id)).not.toContain(id);
    expect((await thrown(openDocumentFile({ id, viewer: null }))).status).toBe(401);
    expect((await thrown(openDocumentFile({ id, viewer: outsider }))).status).toBe(403);
    expect((await thrown(getDocument({ id, viewer: outsider }))).code).toBe('forbidden:document_members');
    expect((await openDocumentFile({ id, viewer: member })).isPublic).toBe(false);
  });
});

describe('versions', () => {
  it('a new version becomes the one downloaded; older ones stay listed and downloadable', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const { id } = await createDocument({ actor: coordinator, input: fields({ title: 'Strategia rozwoju', kind: 'strategy' }), file: file() });
    const second = Buffer.from(await pdfBytes(9, 'Strategia v2'));
    const added = await addDocumentVersion({ actor: coordinator, documentId: id, input: { note: 'Po konsultacjach' }, file: file(second, 'Strategia v2.pdf') });
    expect(added).toMatchObject({ number: 2, pageCount: 9 });

    const view = await getDocument({ id, viewer: null });
    expect(view.versions.map((v) => [v.number, v.fileName, v.pageCount, v.note])).toEqual([
      [2, 'Strategia v2.pdf', 9, 'Po konsultacjach'],
      [1, 'Model usług transportowych.pdf', 4, ''],
    ]);
    expect(await bytesOf((await openDocumentFile({ id, viewer: null })).stream)).toEqual(second);
    expect(await bytesOf((await openDocumentFile({ id, number: 1, viewer: null })).stream)).toEqual(pdf);
    expect((await thrown(openDocumentFile({ id, number: 3, viewer: null }))).status).toBe(404);
    // The library shows it first, as its latest change.
    expect((await listDocuments({ viewer: null })).documents[0]!.id).toBe(id);
  });

  it('two uploads at once get numbers one after the other', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const { id } = await createDocument({ actor: coordinator, input: fields({ title: 'Raport równoległy' }), file: file() });
    const results = await Promise.all([1, 2, 3].map(() => addDocumentVersion({ actor: coordinator, documentId: id, input: {}, file: file() })));
    expect(results.map((r) => r.number).sort()).toEqual([2, 3, 4]);
    const [row] = await db.select({ versionCount: documents.versionCount }).from(documents).where(eq(documents.id, id));
    expect(row!.versionCount).toBe(4);
  });

  it('another commune’s coordinator may not add one', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const local = await makeUser([{ role: 'coordinator', communeId: places.otherCommuneId }]);
    const { id } = await createDocument({ actor: coordinator, input: fields({ communeId: String(places.communeId) }), file: file() });
    expect((await thrown(addDocumentVersion({ actor: local, documentId: id, input: {}, file: file() }))).status).toBe(403);
    expect((await thrown(addDocumentVersion({ actor: local, documentId: 999_999, input: {}, file: file() }))).status).toBe(404);
  });
});

describe('attachments', () => {
  it('minutes attached to a meeting take its commune and are listed with it', async () => {
    const local = await makeUser([{ role: 'coordinator', communeId: places.communeId }]);
    const [meeting] = await db
      .insert(meetings)
      .values({ type: 'forum_session', title: 'Sesja', address: 'Sala', communeId: places.communeId, startsAt: new Date(Date.now() - 7200_000), endsAt: new Date(Date.now() - 3600_000) })
      .returning({ id: meetings.id });
    const { id } = await createDocument({ actor: local, input: fields({ title: 'Protokół z sesji', kind: 'minutes', meetingId: String(meeting!.id) }), file: file(pdf, 'protokol.pdf') });
    const [row] = await db.select({ communeId: documents.communeId }).from(documents).where(eq(documents.id, id));
    expect(row!.communeId).toBe(places.communeId);
    const { attachments, membersOnly } = await listAttachments({ viewer: null, parent: { type: 'meeting', id: meeting!.id } });
    expect(attachments.map((a) => [a.title, a.fileName, a.pageCount])).toEqual([['Protokół z sesji', 'protokol.pdf', 4]]);
    expect(membersOnly).toBe(0);

    // Members-only materials are counted for others, not shown.
    await createDocument({ actor: local, input: fields({ title: 'Lista obecności', kind: 'minutes', visibility: 'members', meetingId: String(meeting!.id) }), file: file() });
    expect((await listAttachments({ viewer: null, parent: { type: 'meeting', id: meeting!.id } })).membersOnly).toBe(1);
    expect((await listAttachments({ viewer: local, parent: { type: 'meeting', id: meeting!.id } })).attachments).toHaveLength(2);

    const stranger = await makeUser([{ role: 'coordinator', communeId: places.otherCommuneId }]);
    expect((await thrown(createDocument({ actor: stranger, input: fields({ meetingId: String(meeting!.id) }), file: file() }))).status).toBe(403);
    expect((await thrown(createDocument({ actor: local, input: fields({ meetingId: '999999' }), file: file() }))).code).toBe('not_found:meeting');
  });

  it('a draft article’s files are hidden with it until it is published', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const [article] = await db.insert(articles).values({ title: 'Szkic', lead: 'Zapowiedź', body: 'Treść', status: 'draft', publishedAt: new Date() }).returning({ id: articles.id });
    const { id } = await createDocument({ actor: coordinator, input: fields({ title: 'Mapa do artykułu', kind: 'other', articleId: String(article!.id) }), file: file(PNG_1x1, 'mapa.png') });
    expect((await listDocuments({ viewer: null })).documents.map((d) => d.id)).not.toContain(id);
    expect((await thrown(openDocumentFile({ id, viewer: null }))).status).toBe(404);
    expect((await openDocumentFile({ id, viewer: coordinator })).contentType).toBe('image/png');
    await db.update(articles).set({ status: 'published' }).where(eq(articles.id, article!.id));
    expect((await listAttachments({ viewer: null, parent: { type: 'article', id: article!.id } })).attachments.map((a) => a.id)).toEqual([id]);
  });
});

describe('the library', () => {
  it('filters by kind, commune (or the county) and service area, and pages by latest change', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const places2 = await makePlaces();
    const made: number[] = [];
    for (let i = 0; i < 23; i++) {
      const commune = i % 2 === 0 ? String(places2.communeId) : '';
      const { id } = await createDocument({ actor: coordinator, input: fields({ title: `Raport nr ${i}`, kind: i % 3 === 0 ? 'expert_report' : 'training', communeId: commune, serviceAreaId: String(places2.areaIds[0]) }), file: file() });
      made.push(id);
    }
    const inCommune = await listDocuments({ viewer: null, filters: { commune: places2.communeId } });
    expect(inCommune.documents).toHaveLength(12);
    expect(inCommune.nextCursor).toBeNull();
    const reports = await listDocuments({ viewer: null, filters: { kind: 'expert_report', area: places2.areaIds[0] } });
    expect(reports.documents.map((d) => d.title).sort()).toEqual(['Raport nr 0', 'Raport nr 12', 'Raport nr 15', 'Raport nr 18', 'Raport nr 21', 'Raport nr 3', 'Raport nr 6', 'Raport nr 9']);
    const county = await listDocuments({ viewer: null, filters: { commune: 'county', area: places2.areaIds[0] } });
    expect(county.documents.every((d) => d.communeId === null)).toBe(true);
    expect(county.documents).toHaveLength(11);

    const first = await listDocuments({ viewer: null, filters: { area: places2.areaIds[0] } });
    expect(first.documents).toHaveLength(20);
    const second = await listDocuments({ viewer: null, filters: { area: places2.areaIds[0], cursor: first.nextCursor! } });
    expect([...first.documents, ...second.documents].map((d) => d.id)).toEqual([...made].reverse());
    expect(second.nextCursor).toBeNull();
  });

  it('an edit changes what describes it; deleting removes the record and every version’s bytes', async () => {
    const coordinator = await makeUser([{ role: 'coordinator', communeId: null }]);
    const { id } = await createDocument({ actor: coordinator, input: fields({ title: 'Do usunięcia' }), file: file() });
    await addDocumentVersion({ actor: coordinator, documentId: id, input: {}, file: file() });
    await updateDocument({ actor: coordinator, id, input: { title: 'Poprawiony tytuł', description: 'Opis', kind: 'other', communeId: places.communeId, serviceAreaId: null, visibility: 'members' } });
    const view = await getDocument({ id, viewer: coordinator });
    expect(view).toMatchObject({ title: 'Poprawiony tytuł', kind: 'other', communeId: places.communeId, visibility: 'members' });

    const keys = (await db.select({ key: documentVersions.storageKey }).from(documentVersions).where(eq(documentVersions.documentId, id))).map((r) => r.key);
    expect(keys.every((key) => existsSync(store.locate(key)))).toBe(true);
    const outsider = await makeUser([{ role: 'coordinator', communeId: places.otherCommuneId }]);
    expect((await thrown(deleteDocument({ actor: outsider, id }))).status).toBe(403);
    await deleteDocument({ actor: coordinator, id });
    expect(keys.some((key) => existsSync(store.locate(key)))).toBe(false);
    expect((await thrown(getDocument({ id, viewer: coordinator }))).status).toBe(404);
    expect((await db.select().from(auditLog).where(and(eq(auditLog.action, 'document.delete'), eq(auditLog.targetId, String(id))))).length).toBe(1);
  });
});
