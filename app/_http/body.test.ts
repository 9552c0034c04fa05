import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { readBoundedText } from './body';

/** A POST whose body arrives in the given pieces, with no Content-Length (as a chunked upload). */
function streamed(pieces: Uint8Array[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  return new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readBoundedText', () => {
  it('reads a body within the limit, a character split across pieces included', async () => {
    const bytes = new TextEncoder().encode('zażółć=gęślą');
    expect(await readBoundedText(streamed([bytes.slice(0, 3), bytes.slice(3)]), 100)).toBe('zażółć=gęślą');
  });

  it('refuses a body past the limit as it arrives, without a Content-Length', async () => {
    const piece = new Uint8Array(600).fill(97);
    await expect(readBoundedText(streamed([piece, piece]), 1000)).rejects.toMatchObject({ type: 'bad_request' });
  });

  it('refuses a declared Content-Length past the limit before reading', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', body: 'a'.repeat(20), headers: { 'content-length': '5000' } });
    await expect(readBoundedText(request, 1000)).rejects.toBeInstanceOf(AppError);
  });
});
