'use server';

import { revalidatePath } from 'next/cache';
import { forgetKeptResults } from '@/app/_http/kept-pages';
import { validatedActionWithUser } from '@/lib/action';
import { setResultsPublished } from '@/lib/results/mutations';
import { publishSchema } from '@/lib/results/schema';

// Thin: parse (the wrapper), call lib/results (which checks the coordinator role), refresh.
export const setResultsPublishedAction = validatedActionWithUser(publishSchema, async (input, { user }) => {
  await setResultsPublished({ actor: user, surveyId: input.surveyId, publish: input.publish === '1' });
  revalidatePath('/[site]/results', 'layout');
  forgetKeptResults();
});
