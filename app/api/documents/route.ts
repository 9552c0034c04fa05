import { revalidatePath } from 'next/cache';
import { readMultipart, uploader } from '@/app/_http/upload';
import { withRouteErrors } from '@/app/_http/route-error';
import { createDocument } from '@/lib/documents/mutations';

export const dynamic = 'force-dynamic';

/**
 * A new document with its first file (multipart: the form's fields, then `file`), sent by the
 * upload form with XMLHttpRequest so that it can show progress. Answers 201 with what was stored
 * (type, size, pages) and where the document's page is; a refusal is the usual JSON error with
 * field errors (413 for a file past the limit).
 */
export const POST = withRouteErrors(async (request: Request) => {
  const actor = await uploader(request);
  const stored = await readMultipart(request, (fields, file) => createDocument({ actor, input: fields, file }));
  revalidatePath('/[site]/documents', 'layout');
  return Response.json({ ...stored, location: `/documents/${stored.id}` }, { status: 201, headers: { 'cache-control': 'no-store' } });
});
