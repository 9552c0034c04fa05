import { AppError } from '@/lib/errors';

/**
 * A request's body as text, read only up to `maxBytes`: a larger one is refused as a bad request
 * once that much has arrived, without being held whole in memory (route handlers have no body
 * limit of their own, unlike server actions).
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
