import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';

// A sign-in ticket says "this account passed these steps": signed with a key derived from
// AUTH_SECRET, short-lived, bound to the session version (a password change voids it).
// - 'password': the password was right and a code is still due; kept in an httpOnly cookie
//   between the two steps, so the code form never carries the password;
// - 'done': every step passed; minted and handed to Auth.js within one server action, never sent
//   to the browser. Auth.js's credentials provider accepts nothing else.

export type TicketStage = 'password' | 'done';

const LIFETIME_SECONDS: Record<TicketStage, number> = { password: 5 * 60, done: 60 };

export interface Ticket {
  userId: string;
  sessionVersion: number;
  stage: TicketStage;
  exp: number;
}

function sign(payload: string): string {
  return createHmac('sha256', `${getEnv().AUTH_SECRET}:sign-in-ticket`).update(payload).digest('base64url');
}

export function mintTicket({ userId, sessionVersion, stage }: { userId: string; sessionVersion: number; stage: TicketStage }, nowMs = Date.now()): string {
  const ticket: Ticket = { userId, sessionVersion, stage, exp: Math.floor(nowMs / 1000) + LIFETIME_SECONDS[stage] };
  const payload = Buffer.from(JSON.stringify(ticket)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The ticket if it is sound, of the stage asked for and not expired; else null. */
export function readTicket(value: unknown, stage: TicketStage, nowMs = Date.now()): Ticket | null {
  if (typeof value !== 'string' || value.length > 1000) return null;
  const [payload, signature] = value.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const ticket = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Ticket;
    if (ticket.stage !== stage || typeof ticket.userId !== 'string' || typeof ticket.sessionVersion !== 'number') return null;
    return ticket.exp > nowMs / 1000 ? ticket : null;
  } catch {
    return null;
  }
}
