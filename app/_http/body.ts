import { AppError } from '@/lib/errors';

/**
 * A request's body as text, read only up to `maxBytes`: a larger one is refused as a bad request
 * once that much has arrived, without being held whole in memory (route handlers have no body
 * limit of their own, unlike server actions). A post that went through proxy.ts first (the
 * survey page's step) was already held by Next.js, up to its proxy limit of 10 MB; nginx's
 * client_max_body_size (deploy/nginx.conf, 2 MB) bounds what reaches it.
 */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError('bad_request');
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError('bad_request');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
