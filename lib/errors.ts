/**
 * One error type for the whole app. The code says what went wrong ("forbidden:admin",
 * "not_found:user"); its first part maps to an HTTP status and the whole code to a message key in
 * the catalogue (errors.<type> / errors.<type>_<subject>). Database details never reach the user.
 */
export type ErrorType = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable';

export type ErrorCode = ErrorType | `${ErrorType}:${string}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
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
