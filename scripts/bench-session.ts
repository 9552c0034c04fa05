/**
 * A signed-in visitor for the benchmarks: a session row and a cookie as Auth.js issues them at
 * sign-in (lib/auth), made straight in the database so a benchmark needs no browser. Only for
 * scratch and benchmark databases on 127.0.0.1 (the callers check the address).
 */
import { encode } from 'next-auth/jwt';
import type postgres from 'postgres';

export interface BenchSession {
  userId: string;
  /** The account's name, as the page header shows it. */
  name: string;
  /** A fresh `authjs.session-token=…` header value, valid for 30 minutes. */
  cookie: () => Promise<string>;
}

/** Opens a session for the user with this e-mail; `secret` must be the server's AUTH_SECRET. */
export async function benchSession(sql: postgres.Sql, email: string, secret: string): Promise<BenchSession> {
  const [user] = await sql<{ id: string; name: string; email: string; session_version: number }[]>`
    select id, name, email, session_version from users where email = ${email}`;
  if (!user) throw new Error(`no account ${email} in this database`);
  const [session] = await sql<{ id: string }[]>`insert into sessions (user_id, user_agent) values (${user.id}, 'benchmark') returning id`;
  return {
    userId: user.id,
    name: user.name,
    // Minted afresh by the caller before each measurement, so the proxy never re-issues it during
    // one (it does so at most once a minute).
    cookie: async () =>
      `authjs.session-token=${await encode({
        token: { sub: user.id, name: user.name, email: user.email, sessionVersion: user.session_version, sid: session!.id },
        secret,
        salt: 'authjs.session-token',
        maxAge: 30 * 60,
      })}`,
  };
}
