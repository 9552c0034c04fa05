import { readMultipart, uploader } from '@/app/_http/upload';
import { withRouteErrors } from '@/app/_http/route-error';
import { revalidatePath } from 'next/cache';
import { addDocumentVersion } from '@/lib/documents/mutations';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** A new version of a document (multipart: an optional `note`, then `file`); see ../../route.ts. */
export const POST = withRouteErrors(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(id)) throw new AppError('not_found:document');
  const actor = await uploader(request);
  const stored = await readMultipart(request, (fields, file) => addDocumentVersion({ actor, documentId: Number(id), input: fields, file }));
  revalidatePath('/[site]/documents', 'layout');

  return Response.json({ ...stored, location: `/documents/${id}` }, { status: 201, headers: { 'cache-control': 'no-store' } });
});
