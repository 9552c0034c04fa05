import 'server-only';
import type { Readable } from 'node:stream';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { articles, communes, consultations, documents, documentVersions, meetings, serviceAreas, users } from '@/db/schema';
import { communesWithRole, type CurrentUser } from '@/lib/auth/permissions';
import { databaseNow as clockNow } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { getFileStore } from '@/lib/files/store';
import { getSeat } from '@/lib/forum/seat';
import { canManageDocument, canReadMembersOnly } from './permissions';
import { DOCUMENTS_PAGE_SIZE, type DocumentFilters, type ParentType } from './schema';

// Who reads what: a public document, anyone; a members-only one, forum members and staff; an
// attachment of a news article, only once the article is out (a draft's files are as private as
// the draft); and the coordinators who manage a document always. Every list and every download
// goes through `readable` below, so no page can show what a download would refuse.

interface Access {
  viewer: CurrentUser | null;
  members: boolean;
  reach: 'all' | number[];
}

async function accessOf(viewer: CurrentUser | null): Promise<Access> {
  if (!viewer) return { viewer, members: false, reach: [] };
  const members = canReadMembersOnly(viewer, viewer.roles.length > 0 ? null : await getSeat(viewer.id));
  return { viewer, members, reach: communesWithRole(viewer, 'coordinator') };
}

function readable(access: Access, at: SQL): SQL {
  const managed = access.reach === 'all' ? sql`true` : access.reach.length > 0 ? inArray(documents.communeId, access.reach) : sql`false`;
  const visibility = access.members ? sql`true` : eq(documents.visibility, 'public');
  const articleOut = or(
    isNull(documents.articleId),
    sql`exists (select 1 from ${articles} where ${articles.id} = ${documents.articleId} and ${articles.status} = 'published' and ${articles.publishedAt} <= ${at})`,
  );
  return or(managed, and(visibility, articleOut))!;
}

const latest = alias(documentVersions, 'latest_version');

const listColumns = {
  id: documents.id,
  title: documents.title,
  kind: documents.kind,
  communeId: documents.communeId,
  communeName: communes.name,
  serviceAreaId: documents.serviceAreaId,
  areaNamePl: serviceAreas.namePl,
  areaNameEn: serviceAreas.nameEn,
  visibility: documents.visibility,
  meetingId: documents.meetingId,
  articleId: documents.articleId,
  consultationId: documents.consultationId,
  versionCount: documents.versionCount,
  updatedAt: documents.updatedAt,
  fileName: latest.fileName,
  contentType: latest.contentType,
  size: latest.size,
  pageCount: latest.pageCount,
};

function listQuery() {
  return db
    .select(listColumns)
    .from(documents)
    .innerJoin(latest, and(eq(latest.documentId, documents.id), eq(latest.number, documents.versionCount)))
    .leftJoin(communes, eq(communes.id, documents.communeId))
    .leftJoin(serviceAreas, eq(serviceAreas.id, documents.serviceAreaId));
}

export type DocumentListItem = Awaited<ReturnType<typeof listDocuments>>['documents'][number];

/**
 * The library: every document the viewer may read, latest change first, filtered by kind, commune
 * ('county': county-wide ones only) and service area. Keyset pagination on (updated_at, id): the
 * cursor is the id of the last one shown.
 */
export async function listDocuments({ viewer, filters = {} }: { viewer: CurrentUser | null; filters?: DocumentFilters }) {
  const access = await accessOf(viewer);
  const conditions: SQL[] = [readable(access, await clockNow())];
  if (filters.kind) conditions.push(eq(documents.kind, filters.kind));
  if (filters.commune === 'county') conditions.push(isNull(documents.communeId));
  else if (filters.commune !== undefined) conditions.push(eq(documents.communeId, filters.commune));
  if (filters.area !== undefined) conditions.push(eq(documents.serviceAreaId, filters.area));
  if (filters.cursor) {
    const after = alias(documents, 'after_document');
    conditions.push(sql`(${documents.updatedAt}, ${documents.id}) < ${db.select({ u: after.updatedAt, i: after.id }).from(after).where(eq(after.id, Number(filters.cursor)))}`);
  }
  const page = await listQuery()
    .where(and(...conditions))
    .orderBy(desc(documents.updatedAt), desc(documents.id))
    .limit(DOCUMENTS_PAGE_SIZE + 1);
  const shown = page.slice(0, DOCUMENTS_PAGE_SIZE).map((d) => ({ ...d, canManage: canManageDocument(viewer, d.communeId) }));
  return { documents: shown, nextCursor: page.length > DOCUMENTS_PAGE_SIZE ? String(shown.at(-1)!.id) : null };
}

const parentColumn = { meeting: documents.meetingId, article: documents.articleId, consultation: documents.consultationId } as const;

/**
 * The files attached to a meeting, article or consultation that the viewer may read (oldest
 * first, as they were added), and how many more are there for forum members only — so a visitor
 * learns that there is something to sign in for, and nothing else about it.
 */
export async function listAttachments({ viewer, parent }: { viewer: CurrentUser | null; parent: { type: ParentType; id: number } }) {
  const access = await accessOf(viewer);
  const column = parentColumn[parent.type];
  const at = await clockNow();
  const [shown, [{ hidden } = { hidden: 0 }]] = await Promise.all([
    listQuery()
      .where(and(eq(column, parent.id), readable(access, at)))
      .orderBy(asc(documents.createdAt), asc(documents.id))
      .limit(100),
    db
      .select({ hidden: sql<number>`count(*)::int` })
      .from(documents)
      .where(and(eq(column, parent.id), sql`not (${readable(access, at)})`, eq(documents.visibility, 'members'))),
  ]);
  return { attachments: shown.map((d) => ({ ...d, canManage: canManageDocument(viewer, d.communeId) })), membersOnly: hidden };
}

/**
 * A document with its versions, newest first. "Not found" when it does not exist or the viewer
 * may not know of it (a draft article's attachment); for a members-only document, "unauthorized"
 * to someone signed out (who may sign in) and "forbidden" to a signed-in non-member.
 */
export async function getDocument({ id, viewer }: { id: number; viewer: CurrentUser | null }) {
  const access = await accessOf(viewer);
  const [row] = await db
    .select({
      id: documents.id,
      title: documents.title,
      description: documents.description,
      kind: documents.kind,
      communeId: documents.communeId,
      communeName: communes.name,
      serviceAreaId: documents.serviceAreaId,
      areaNamePl: serviceAreas.namePl,
      areaNameEn: serviceAreas.nameEn,
      visibility: documents.visibility,
      meetingId: documents.meetingId,
      meetingTitle: meetings.title,
      articleId: documents.articleId,
      articleTitle: articles.title,
      consultationId: documents.consultationId,
      consultationTitle: consultations.title,
      versionCount: documents.versionCount,
      createdAt: documents.createdAt,
      updatedAt: documents.updatedAt,
      readable: sql<boolean>`${readable(access, await clockNow())}`,
    })
    .from(documents)
    .leftJoin(communes, eq(communes.id, documents.communeId))
    .leftJoin(serviceAreas, eq(serviceAreas.id, documents.serviceAreaId))
    .leftJoin(meetings, eq(meetings.id, documents.meetingId))
    .leftJoin(articles, eq(articles.id, documents.articleId))
    .leftJoin(consultations, eq(consultations.id, documents.consultationId))
    .where(eq(documents.id, id))
    .limit(1);
  if (!row) throw new AppError('not_found:document');
  if (!row.readable) {
    // Members only and the viewer is not one; anything else unreadable (a draft's file) is hidden.
    if (row.visibility === 'members' && !access.members) throw new AppError(viewer ? 'forbidden:document_members' : 'unauthorized');
    throw new AppError('not_found:document');
  }
  const versions = await db
    .select({
      number: documentVersions.number,
      fileName: documentVersions.fileName,
      contentType: documentVersions.contentType,
      size: documentVersions.size,
      pageCount: documentVersions.pageCount,
      note: documentVersions.note,
      createdAt: documentVersions.createdAt,
      uploadedByName: users.name,
    })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.uploadedBy))
    .where(eq(documentVersions.documentId, id))
    .orderBy(desc(documentVersions.number));
  const document: Omit<typeof row, 'readable'> & { readable?: boolean } = { ...row };
  delete document.readable;
  return { ...document, versions, canManage: canManageDocument(viewer, row.communeId) };
}

export type DocumentView = Awaited<ReturnType<typeof getDocument>>;

/** What a download sends: the bytes of one version, with what to call them. */
export interface OpenedFile {
  stream: Readable;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Public documents may be kept by the browser; members-only ones never by a shared cache. */
  isPublic: boolean;
}

/**
 * Opens one version of a document (the newest without `number`) for download, after the same
 * check as getDocument: who reads the page is who reads the file.
 */
export async function openDocumentFile({ id, number, viewer }: { id: number; number?: number; viewer: CurrentUser | null }): Promise<OpenedFile> {
  const document = await getDocument({ id, viewer });
  const [version] = await db
    .select({ storageKey: documentVersions.storageKey, fileName: documentVersions.fileName, contentType: documentVersions.contentType, size: documentVersions.size, sha256: documentVersions.sha256 })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, id), eq(documentVersions.number, number ?? document.versionCount)))
    .limit(1);
  if (!version) throw new AppError('not_found:document');
  const stream = await getFileStore().get(version.storageKey);
  if (!stream) {
    console.error('[documents] a recorded file is missing from the store', version.storageKey);
    throw new AppError('not_found:document');
  }
  const isPublic = document.visibility === 'public' && document.articleId === null;
  return { stream, fileName: version.fileName, contentType: version.contentType, size: version.size, sha256: version.sha256, isPublic };
}

const parentHref = { meeting: '/calendar/', article: '/news/', consultation: '/forum/consultations/' } as const;

/** The page of what a document is attached to. */
export function attachmentParentHref(type: ParentType, id: number): string {
  return `${parentHref[type]}${id}`;
}

/**
 * What a new file is being attached to, for the upload page: its title, its page, and whether
 * the viewer may attach to it (coordinators of its commune; "forbidden" otherwise).
 */
export async function getAttachmentParent({ type, id, viewer }: { type: ParentType; id: number; viewer: CurrentUser }) {
  const table = { meeting: meetings, article: articles, consultation: consultations }[type];
  const [row] = await db.select({ title: table.title, communeId: table.communeId }).from(table).where(eq(table.id, id)).limit(1);
  if (!row) throw new AppError(`not_found:${type}`);
  if (!canManageDocument(viewer, row.communeId)) throw new AppError('forbidden');
  return { type, id, title: row.title, communeId: row.communeId, href: attachmentParentHref(type, id) };
}
