import 'server-only';
import type { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles, communes, consultations, documents, documentVersions, meetings, serviceAreas } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ensure, type CurrentUser } from '@/lib/auth/permissions';
import { zodFieldErrors } from '@/lib/action';
import { AppError, fieldError } from '@/lib/errors';
import { getFileStore } from '@/lib/files/store';
import { discardStoredFile, receiveFile, type ReceivedFile } from '@/lib/files/upload';
import { canManageDocument, canPublishDocuments } from './permissions';
import { newDocumentSchema, newVersionSchema, type DocumentDetails, type ParentType } from './schema';
import type * as z from 'zod';

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** An upload as the route hands it over: the name the browser gave, and the bytes still to come. */
export interface IncomingFile {
  name: string;
  stream: Readable;
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request:form_invalid', { fieldErrors: zodFieldErrors(parsed.error) });
  return parsed.data;
}

/** A chosen commune must exist and be active; a chosen service area must exist. */
async function checkPlaces(tx: Pick<Tx, 'select'>, { communeId, serviceAreaId }: { communeId: number | null; serviceAreaId: number | null }) {
  if (communeId !== null) {
    const [commune] = await tx.select({ active: communes.active }).from(communes).where(eq(communes.id, communeId)).limit(1);
    if (!commune) throw fieldError('communeId', 'invalid');
    if (!commune.active) throw fieldError('communeId', 'commune_inactive');
  }
  if (serviceAreaId !== null) {
    const [area] = await tx.select({ id: serviceAreas.id }).from(serviceAreas).where(eq(serviceAreas.id, serviceAreaId)).limit(1);
    if (!area) throw fieldError('serviceAreaId', 'invalid');
  }
}

/** The commune of what a document is attached to (its scope decides who may attach). */
async function parentCommune(parent: { type: ParentType; id: number }): Promise<number | null> {
  const table = { meeting: meetings, article: articles, consultation: consultations }[parent.type];
  const [row] = await db.select({ communeId: table.communeId }).from(table).where(eq(table.id, parent.id)).limit(1);
  if (!row) throw new AppError(`not_found:${parent.type}`);
  return row.communeId;
}

/** Records a received file as version `number`, or forgets it if that cannot be done. */
async function recordVersion(tx: Tx, documentId: number, number: number, file: ReceivedFile, note: string, actor: CurrentUser) {
  await tx.insert(documentVersions).values({
    documentId,
    number,
    storageKey: file.key,
    fileName: file.name,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    pageCount: file.pageCount,
    note,
    uploadedBy: actor.id,
  });
}

function fileDetails(file: ReceivedFile) {
  return { fileName: file.name, contentType: file.contentType, size: file.size, pageCount: file.pageCount, sha256: file.sha256 };
}

/**
 * Publishes a document with its first file. Everything that can be checked without the bytes —
 * the fields, the right to publish in that commune, what it is attached to — is checked before a
 * byte of the file is read; then the file is received (lib/files: size, type by content, name),
 * kept in the store, and recorded with its audit entry in one transaction. If that transaction
 * fails the kept file is removed, so a refused upload leaves nothing behind.
 */
export async function createDocument({ actor, input: raw, file }: { actor: CurrentUser; input: unknown; file: IncomingFile | null }) {
  ensure(canPublishDocuments(actor));
  const input = parse(newDocumentSchema, raw);
  const parent: { type: ParentType; id: number } | null =
    input.meetingId !== null ? { type: 'meeting', id: input.meetingId } : input.articleId !== null ? { type: 'article', id: input.articleId } : input.consultationId !== null ? { type: 'consultation', id: input.consultationId } : null;
  let communeId = input.communeId;
  if (parent) {
    // An attachment belongs where its meeting, article or consultation does.
    communeId = await parentCommune(parent);
    ensure(canManageDocument(actor, communeId));
  } else if (!canManageDocument(actor, communeId)) {
    throw fieldError('communeId', 'commune_not_yours', 'forbidden');
  }
  await checkPlaces(db, { communeId: parent ? null : communeId, serviceAreaId: input.serviceAreaId });
  if (!file) throw fieldError('file', 'file_required');

  const received = await receiveFile(file);
  try {
    const id = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(documents)
        .values({
          title: input.title,
          description: input.description,
          kind: input.kind,
          communeId,
          serviceAreaId: input.serviceAreaId,
          visibility: input.visibility,
          meetingId: input.meetingId,
          articleId: input.articleId,
          consultationId: input.consultationId,
          versionCount: 1,
          createdBy: actor.id,
        })
        .returning({ id: documents.id });
      await recordVersion(tx, created!.id, 1, received, '', actor);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'document.create',
        targetType: 'document',
        targetId: created!.id,
        details: { title: input.title, kind: input.kind, visibility: input.visibility, communeId, parent, fileName: received.name, contentType: received.contentType, size: received.size },
      });
      return created!.id;
    });
    return { id, number: 1, ...fileDetails(received) };
  } catch (error) {
    await discardStoredFile(received.key);
    throw error;
  }
}

async function lockDocument(tx: Tx, id: number) {
  const [document] = await tx
    .select({ id: documents.id, communeId: documents.communeId, versionCount: documents.versionCount, meetingId: documents.meetingId, articleId: documents.articleId, consultationId: documents.consultationId, title: documents.title })
    .from(documents)
    .where(eq(documents.id, id))
    .for('update')
    .limit(1);
  if (!document) throw new AppError('not_found:document');
  return document;
}

/**
 * Uploads a new version of a document; the older ones stay listed and downloadable. Checked and
 * received as createDocument; two uploads at once get numbers one after the other (the document
 * row is locked while the number is taken).
 */
export async function addDocumentVersion({ actor, documentId, input: raw, file }: { actor: CurrentUser; documentId: number; input: unknown; file: IncomingFile | null }) {
  ensure(canPublishDocuments(actor));
  const { note } = parse(newVersionSchema, raw);
  const [current] = await db.select({ communeId: documents.communeId }).from(documents).where(eq(documents.id, documentId)).limit(1);
  if (!current) throw new AppError('not_found:document');
  ensure(canManageDocument(actor, current.communeId));
  if (!file) throw fieldError('file', 'file_required');

  const received = await receiveFile(file);
  try {
    const number = await db.transaction(async (tx) => {
      const document = await lockDocument(tx, documentId);
      ensure(canManageDocument(actor, document.communeId));
      const next = document.versionCount + 1;
      await recordVersion(tx, documentId, next, received, note, actor);
      await tx.update(documents).set({ versionCount: next, updatedAt: new Date() }).where(eq(documents.id, documentId));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'document.version',
        targetType: 'document',
        targetId: documentId,
        details: { title: document.title, number: next, fileName: received.name, contentType: received.contentType, size: received.size },
      });
      return next;
    });
    return { id: documentId, number, ...fileDetails(received) };
  } catch (error) {
    await discardStoredFile(received.key);
    throw error;
  }
}

/**
 * Changes what describes a document (not its files). The editor must manage both its old and its
 * new commune; an attachment keeps the commune of what it is attached to.
 */
export async function updateDocument({ actor, id, input }: { actor: CurrentUser; id: number; input: DocumentDetails }) {
  ensure(canPublishDocuments(actor));
  await db.transaction(async (tx) => {
    const before = await lockDocument(tx, id);
    ensure(canManageDocument(actor, before.communeId));
    const attached = before.meetingId !== null || before.articleId !== null || before.consultationId !== null;
    const communeId = attached ? before.communeId : input.communeId;
    if (!canManageDocument(actor, communeId)) throw fieldError('communeId', 'commune_not_yours', 'forbidden');
    await checkPlaces(tx, { communeId: communeId === before.communeId ? null : communeId, serviceAreaId: input.serviceAreaId });
    await tx
      .update(documents)
      .set({ title: input.title, description: input.description, kind: input.kind, communeId, serviceAreaId: input.serviceAreaId, visibility: input.visibility, updatedAt: new Date() })
      .where(and(eq(documents.id, id), before.communeId === null ? sql`${documents.communeId} is null` : eq(documents.communeId, before.communeId)));
    await recordAudit(tx, { actorId: actor.id, action: 'document.update', targetType: 'document', targetId: id, details: { title: input.title, kind: input.kind, visibility: input.visibility, communeId } });
  });
}

/** Deletes a document with every version; their bytes are removed from the store once it is gone. */
export async function deleteDocument({ actor, id }: { actor: CurrentUser; id: number }) {
  ensure(canPublishDocuments(actor));
  const { keys, parent } = await db.transaction(async (tx) => {
    const document = await lockDocument(tx, id);
    ensure(canManageDocument(actor, document.communeId));
    const versions = await tx.select({ key: documentVersions.storageKey }).from(documentVersions).where(eq(documentVersions.documentId, id));
    await tx.delete(documents).where(eq(documents.id, id));
    await recordAudit(tx, { actorId: actor.id, action: 'document.delete', targetType: 'document', targetId: id, details: { title: document.title, versions: versions.length } });
    const { meetingId, articleId, consultationId } = document;
    return { keys: versions.map((v) => v.key), parent: { meetingId, articleId, consultationId } };
  });
  // After the commit: a failure here leaves unreferenced bytes, never a record without its file.
  const store = getFileStore();
  for (const key of keys) {
    await store.delete(key).catch((error: unknown) => console.error('[documents] could not remove a deleted file', key, error));
  }
  return parent;
}
