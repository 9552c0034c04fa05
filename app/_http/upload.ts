import 'server-only';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { getCurrentUser } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError, fieldError } from '@/lib/errors';
import { maxFileBytes } from '@/lib/files/upload';
import { isForeignOrigin } from './origin';

// The HTTP side of an upload, shared by the routes that take a file (a new document, a new
// version). Server actions cannot report upload progress, so the form sends the file to a route
// handler with XMLHttpRequest; these routes live under /api/, which proxy.ts does not run for —
// a proxy makes Next.js copy every request body into memory (up to proxyClientMaxBodySize) before
// the route sees it. Here the body is read as it arrives and the file is streamed on to
// lib/files, never held whole in memory.

/** Room for the form's text fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

/**
 * Who may send a file, checked before a byte of the body is read: a request from this site (the
 * Origin header), multipart, not declaring a body past the size limit, from someone signed in
 * (a staff account still enrolling its second factor may do nothing else).
 */
export async function uploader(request: Request): Promise<CurrentUser> {
  if (isForeignOrigin(request.headers)) throw new AppError('forbidden:origin');
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) throw new AppError('bad_request');
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxFileBytes() + FORM_OVERHEAD_BYTES) throw fieldError('file', 'file_too_large', 'too_large');
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized');
  if (user.mustEnrolSecondFactor) throw new AppError('forbidden:second_factor_required');
  return user;
}

export interface UploadedPart {
  /** The name the browser gave (not yet checked: lib/files does that). */
  name: string;
  stream: Readable;
}

/**
 * Reads a multipart/form-data body as it arrives: the text fields, then the one part named
 * "file", which `onFile` gets as a stream together with the fields sent before it (the upload
 * form appends them first). `onFile` gets null when there is no file. When `onFile` fails, the
 * rest of the body is not read.
 */
export async function readMultipart<T>(request: Request, onFile: (fields: Record<string, string>, file: UploadedPart | null) => Promise<T>): Promise<T> {
  if (!request.body) return onFile({}, null);
  const parser = busboy({
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    // Browsers send file names as raw UTF-8; busboy's default would read them as Latin-1.
    defParamCharset: 'utf8',
    // busboy would quietly cut "../../etc/passwd.pdf" to "passwd.pdf"; lib/files refuses a path
    // for a name outright, so it must see what was sent.
    preservePath: true,
    limits: { fields: 30, fieldNameSize: 100, fieldSize: 16 * 1024, files: 1, parts: 40 },
  });
  const body = Readable.fromWeb(request.body as never);
  const fields: Record<string, string> = {};
  let handled: Promise<T> | null = null;

  return new Promise<T>((resolve, reject) => {
    const settle = (promise: Promise<T>) => {
      promise.then(resolve, (error: unknown) => {
        // Refused (too large, not allowed, no right): stop reading what is still coming.
        body.unpipe(parser);
        body.destroy();
        reject(error);
      });
    };
    parser.on('field', (name, value) => {
      if (!handled) fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (handled || name !== 'file') {
        stream.resume();
        return;
      }
      handled = onFile(fields, { name: info.filename ?? '', stream });
      settle(handled);
    });
    parser.on('close', () => {
      if (!handled) {
        handled = onFile(fields, null);
        settle(handled);
      }
    });
    parser.on('error', (error: unknown) => {
      if (!handled) reject(new AppError('bad_request', { cause: error }));
    });
    body.on('error', (error) => {
      if (!handled) reject(new AppError('bad_request', { cause: error }));
    });
    body.pipe(parser);
  });
}
