'use client';

import { Alert } from '@/components/ui/alert';
import { FormMessage } from '@/components/ui/field';
import type { ActionResult } from '@/lib/result';

/** The line above an admin form: what was saved, or why not (field errors sit at their fields). */
export function FormStatus({ state, success }: { state: ActionResult<unknown>; success?: string }) {
  if (state.ok) return success ? <Alert tone="success">{success}</Alert> : null;
  return state.message ? <FormMessage messageKey={state.message} /> : null;
}
