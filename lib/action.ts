import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import * as z from 'zod';
import { getCurrentUser } from '@/lib/auth';
import type { CurrentUser } from '@/lib/auth/permissions';
import { AppError, asAppError } from '@/lib/errors';
import type { ActionResult } from '@/lib/result';

/** Form fields never echoed back to the browser after a failure. */
const SECRET_FIELDS = /password/i;

/** What was posted, to echo back: a name posted more than once (a group of checkboxes) keeps every value. */
function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$') || SECRET_FIELDS.test(key)) continue;
    const posted = formData.getAll(key).filter((value) => typeof value === 'string');
    if (posted.length) values[key] = posted.length === 1 ? posted[0]! : posted;
  }
  return values;
}

/** Turns a zod failure into message keys by field (zod's own wording falls back to "invalid"). */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_form';
    const key = /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
    (fieldErrors[field] ??= []).push(key);
  }
  return fieldErrors;
}

/** Maps anything thrown by lib/ to the failure shape; unexpected errors are logged, not shown. */
export function failure(error: unknown, values?: Record<string, string | string[]>): ActionResult<never> {
  const known = asAppError(error);
  if (known) {
    if (known.type === 'unavailable') console.error('[action] database unavailable', known.cause);
    return { ok: false, message: known.messageKey, fieldErrors: known.fieldErrors ?? {}, values };
  }
  console.error('[action] unexpected error', error);
  return { ok: false, message: 'unexpected', fieldErrors: {}, values };
}

type Handler<S extends z.ZodType, T, U> = (input: z.output<S>, context: { user: U; formData: FormData }) => Promise<T>;

function wrap<S extends z.ZodType, T, U>(schema: S, resolveUser: () => Promise<U>, handler: Handler<S, T, U>) {
  return async (_previous: ActionResult<T> | undefined, formData: FormData): Promise<ActionResult<T>> => {
    const values = formValues(formData);
    try {
      const user = await resolveUser();
      const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
      if (!parsed.success) {
        return { ok: false, message: 'form_invalid', fieldErrors: zodFieldErrors(parsed.error), values };
      }
      return { ok: true, data: await handler(parsed.data, { user, formData }) };
    } catch (error) {
      // redirect() and notFound() work by throwing; let Next.js handle them.
      unstable_rethrow(error);
      return failure(error, values);
    }
  };
}

/**
 * A server action open to anyone (sign-up, sign-in): parses the form with the action's schema and
 * returns one result shape. Actions are public endpoints, so the handler still checks rights.
 */
export function validatedAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T, CurrentUser | null>) {
  return wrap(schema, () => getCurrentUser(), handler);
}

/**
 * Like validatedAction, but refuses callers who are not signed in before parsing anything — and a
 * staff account that has not enrolled its second factor, which may do nothing else until it has
 * (only the enrolment's own actions pass `beforeSecondFactor`).
 */
export function validatedActionWithUser<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T, CurrentUser>,
  options: { beforeSecondFactor?: boolean } = {},
) {
  return wrap(schema, async () => {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized');
    if (user.mustEnrolSecondFactor && !options.beforeSecondFactor) throw new AppError('forbidden:second_factor_required');
    return user;
  }, handler);
}
