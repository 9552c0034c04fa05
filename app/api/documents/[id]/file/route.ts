import { Readable } from 'node:stream';
import { withRouteErrors } from '@/app/_http/route-error';
import { getCurrentUser } from '@/lib/auth';
import { openDocumentFile } from '@/lib/documents/queries';
import { AppError } from '@/lib/errors';
import { contentDisposition } from '@/lib/files/names';
import { fileTypeByMime, isImageType } from '@/lib/files/types';

export const dynamic = 'force-dynamic';

/** Nothing in a downloaded file runs or loads anything, even if a browser were to render it. */
const FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/**
 * A document's file: the newest version, or `?v=<number>`. Access is checked as for the document's
 * page (lib/documents): a members-only file is refused to others — a visitor who is not signed in
 * is sent to sign in and back to the document, a signed-in non-member gets 403. Sent as stored,
 * with the type recognised at upload, `nosniff`, and as an attachment (images inline) named in
 * UTF-8 (RFC 6266 / 5987).
 */
export const GET = withRouteErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(id)) throw new AppError('not_found:document');
  const v = new URL(request.url).searchParams.get('v');
  if (v !== null && !/^[1-9][0-9]{0,8}$/.test(v)) throw new AppError('not_found:document');
  const viewer = await getCurrentUser();
  let file;
  try {
    file = await openDocumentFile({ id: Number(id), number: v === null ? undefined : Number(v), viewer });
  } catch (error) {
    if (error instanceof AppError && error.type === 'unauthorized') {
      const signIn = new URL('/sign-in', request.url);
      signIn.searchParams.set('callbackUrl', `/documents/${id}`);
      return new Response(null, { status: 303, headers: { location: `${signIn.pathname}${signIn.search}`, 'cache-control': 'no-store' } });
    }
    throw error;
  }
  const etag = `"${file.sha256}"`;
  const cacheControl = file.isPublic ? 'public, max-age=0, must-revalidate' : 'private, no-cache';
  if (request.headers.get('if-none-match') === etag) {
    file.stream.destroy();
    return new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl } });
  }
  const type = fileTypeByMime(file.contentType);
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': contentDisposition(file.fileName, type && isImageType(type) ? 'inline' : 'attachment'),
      'x-content-type-options': 'nosniff',
      'content-security-policy': FILE_POLICY,
      'cache-control': cacheControl,
      etag,
    },
  });
}, 'text');
