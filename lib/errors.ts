/**
 * One error type for the whole app. The code says what went wrong ("forbidden:admin",
 * "not_found:user"); its first part maps to an HTTP status and the whole code to a message key in
 * the catalogue (errors.<type> / errors.<type>_<subject>). Database details never reach the user.
 */
export type ErrorType = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'rate_limited' | 'unavailable';

export type ErrorCode = ErrorType | `${ErrorType}:${string}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // An upload past the size limit (FILES_MAX_MB).
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly subject: string | undefined;
  /** Message keys by field name, for errors that belong to a form field. */
  readonly fieldErrors: Record<string, string[]> | undefined;

  constructor(
    readonly code: ErrorCode,
    options: { fieldErrors?: Record<string, string[]>; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    const [type, subject] = code.split(':') as [ErrorType, string | undefined];
    this.type = type;
    this.subject = subject;
    this.fieldErrors = options.fieldErrors;
  }

  get status(): number {
    return statusByType[this.type];
  }

  /**
   * Key in the "errors" namespace of the message catalogue: "form_invalid" when the error belongs
   * to fields (each field carries its own key), else "<type>_<subject>" or just "<type>".
   */
  get messageKey(): string {
    if (this.fieldErrors) return 'form_invalid';
    return this.subject ? `${this.type}_${this.subject}` : this.type;
  }
}

/** An error tied to one form field, e.g. fieldError('email', 'email_taken'). */
export function fieldError(field: string, key: string, type: ErrorType = 'bad_request'): AppError {
  return new AppError(`${type}:${key}`, { fieldErrors: { [field]: [key] } });
}

/** Codes that mean the database cannot be reached now (not that a query was wrong). */
const UNREACHABLE_CODES = new Set([
  // Node's sockets, as postgres.js reports them.
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  // postgres.js's own.
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  // PostgreSQL: shutting down, starting up, too many connections.
  '57P01', '57P02', '57P03', '53300',
]);

/**
 * Is this (or what caused it: drizzle wraps driver errors) the database being out of reach? A
 * server that refuses or drops connections, PostgreSQL's connection-exception class (08…), or an
 * embedded PGlite that has been closed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (/PGlite is closed/i.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

/**
 * What anything thrown becomes for the person who sent the request: an AppError as it is, the
 * database out of reach as 'unavailable:database' (503, "try again in a moment"), anything else
 * null (a bug: logged, answered 500 without details).
 */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError('unavailable:database', { cause: error });
  return null;
}
