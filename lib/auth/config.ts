import type { NextAuthConfig } from 'next-auth';
import { getEnv } from '@/lib/env';

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy (which only
 * slides the session's expiry and redirects optimistically) and by lib/auth (which adds the
 * credentials provider). Whether a session is still valid is decided by getCurrentUser().
 */
export function authConfig(): NextAuthConfig {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: env.SESSION_IDLE_MINUTES * 60 },
    pages: { signIn: '/sign-in' },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sessionVersion = user.sessionVersion;
          token.sid = user.sessionId;
          if (user.mustEnrol) token.enrol = true;
          if (user.staff) token.staff = true;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionVersion = typeof token.sessionVersion === 'number' ? token.sessionVersion : 0;
        return session;
      },
    },
  };
}

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
    /** The row in `sessions` this sign-in opened. */
    sessionId?: string;
    /** A staff account without a second factor: it may only enrol (proxy.ts sends it there). */
    mustEnrol?: boolean;
    /** The account held a role when it signed in: proxy.ts never sends it a page kept for members. */
    staff?: boolean;
  }
  interface Session {
    sessionVersion: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionVersion?: number;
    sid?: string;
    enrol?: boolean;
    staff?: boolean;
  }
}
