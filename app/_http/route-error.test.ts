import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { NextRequest } from 'next/server';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { AppError, isDatabaseUnavailable } from '@/lib/errors';
import { proxy } from '@/proxy';
import { isForeignOrigin } from './origin';
import { routeErrorResponse, withRouteErrors } from './route-error';

async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('route errors', () => {
  it('typed errors keep their status and message key, as JSON or text', async () => {
    const forbidden = routeErrorResponse(new AppError('forbidden:survey'));
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ message: 'forbidden_survey', fieldErrors: {} });
    const missing = routeErrorResponse(new AppError('not_found:meeting'), 'text');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('404 not_found_meeting\n');
  });

  it('a bug is a 500 that shows nothing of the error', async () => {
    const response = await withRouteErrors(async () => {
      throw new Error('secret detail');
    })();
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret');
  });

  it('a PostgreSQL server that does not answer is 503, with Retry-After', async () => {
    // A real postgres.js client against a port where nothing listens.
    const client = postgres('postgres://postgres@127.0.0.1:1/postgres', { connect_timeout: 2, max: 1, onnotice: () => {} });
    const error = await thrownBy(() => client`select 1`);
    await client.end({ timeout: 1 });
    expect(isDatabaseUnavailable(error)).toBe(true);
    const response = await withRouteErrors(async () => {
      throw error;
    })();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('10');
    expect(await response.json()).toEqual({ message: 'unavailable_database', fieldErrors: {} });
  });

  it('a closed embedded database, through drizzle, is 503', async () => {
    const client = new PGlite();
    const closed = drizzle(client);
    await client.close();
    const error = await thrownBy(() => closed.execute(sql`select 1`));
    expect(routeErrorResponse(error).status).toBe(503);
  });

  it('a query the database refuses is not an outage (500)', async () => {
    const error = await thrownBy(() => db.execute(sql`select * from no_such_table`));
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(routeErrorResponse(error).status).toBe(500);
  });
});

describe('foreign origins', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('compares the Origin host with the host the request came to', () => {
    expect(isForeignOrigin(headers({ host: 'agora.example', origin: 'https://agora.example' }))).toBe(false);
    expect(isForeignOrigin(headers({ host: 'agora.example', origin: 'https://evil.example' }))).toBe(true);
    expect(isForeignOrigin(headers({ host: 'internal:3000', 'x-forwarded-host': 'agora.example', origin: 'https://agora.example' }))).toBe(false);
    expect(isForeignOrigin(headers({ host: 'agora.example', origin: 'null' }))).toBe(true);
    expect(isForeignOrigin(headers({ host: 'agora.example' }))).toBe(false);
  });

  it('a server action posted from another site gets 403 from the proxy, before any action runs', async () => {
    const post = (origin: string) =>
      new NextRequest('http://localhost:3000/forum', { method: 'POST', headers: { host: 'localhost:3000', origin, 'next-action': 'abc123', 'content-type': 'text/plain' }, body: '[]' });
    const foreign = await proxy(post('https://evil.example'), {} as never);
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toBe('403 forbidden_origin\n');
    const own = await proxy(post('http://localhost:3000'), {} as never);
    expect(own.status).not.toBe(403);
  });
});
