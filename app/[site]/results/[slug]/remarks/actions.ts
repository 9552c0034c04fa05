'use server';

import { validatedActionWithUser } from '@/lib/action';
import { reviewFreeText } from '@/lib/results/free-text';
import { reviewDecisionSchema } from '@/lib/results/schema';

// Thin: parse (the wrapper), call lib/results (which checks who may review which commune's text).
// No revalidatePath: the queue updates itself in the browser so the reviewer keeps their place.
export const reviewFreeTextAction = validatedActionWithUser(reviewDecisionSchema, async (input, { user }) => reviewFreeText({ actor: user, input }));
