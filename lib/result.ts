/**
 * What every server action returns. Messages are keys in the "errors" namespace of the message
 * catalogue, so the same result reads right in Polish and English. `values` echoes back what was
 * typed (never passwords) so a form rendered without JavaScript keeps it after a failure.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string[]>;
      /** A name posted more than once (a group of checkboxes) comes back with every value. */
      values?: Record<string, string | string[]>;
    };

export const idle = { ok: false, message: '', fieldErrors: {} } as const satisfies ActionResult<never>;
