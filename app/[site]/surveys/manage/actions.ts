'use server';

import { revalidatePath } from 'next/cache';
import { forgetKeptResults } from '@/app/_http/kept-pages';
import { redirect } from 'next/navigation';
import * as z from 'zod';
import { failure, validatedActionWithUser } from '@/lib/action';
import { getCurrentUser } from '@/lib/auth';
import { AppError } from '@/lib/errors';
import type { ActionResult } from '@/lib/result';
import { changeSurveyStatus, copySurvey, createSurvey, generateInvitationCodes, updateSurvey } from '@/lib/surveys/mutations';
import { generateCodesSchema, surveyIdSchema, type SurveyFormInput } from '@/lib/surveys/schema';

// Thin: parse, call lib/surveys (which checks rights and validates again), refresh.

/**
 * The builder's save: the form is nested (sections → questions → options), so react-hook-form
 * sends it as an object rather than flat FormData; lib/surveys parses it with the same schema.
 */
export async function saveSurveyAction(id: string | null, input: SurveyFormInput): Promise<ActionResult<{ id: string }>> {
  let saved: { id: string };
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError('unauthorized');
    saved = id ? await updateSurvey({ actor: user, id, input }) : await createSurvey({ actor: user, input });
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/[site]/surveys', 'layout');
  forgetKeptResults(); // its titles show on the results pages
  return { ok: true, data: { id: saved.id } };
}

const transitionSchema = surveyIdSchema.extend({ transition: z.enum(['publish', 'close', 'reopen', 'archive'], { error: 'invalid' }) });

export const changeStatusAction = validatedActionWithUser(transitionSchema, async ({ surveyId, transition }, { user }) => {
  await changeSurveyStatus({ actor: user, id: surveyId, transition });
  revalidatePath('/[site]/surveys', 'layout');
  revalidatePath('/[site]/s', 'layout');
  forgetKeptResults(); // whether the public may see its results depends on its status
});

export const copySurveyAction = validatedActionWithUser(surveyIdSchema, async ({ surveyId }, { user }): Promise<void> => {
  const copy = await copySurvey({ actor: user, id: surveyId });
  revalidatePath('/[site]/surveys', 'layout');
  redirect(`/surveys/manage/${copy.id}/edit`);
});

export const generateCodesAction = validatedActionWithUser(generateCodesSchema, async ({ surveyId, count }, { user }) => {
  const result = await generateInvitationCodes({ actor: user, surveyId, count });
  revalidatePath('/[site]/surveys/manage/[id]', 'page');
  return result;
});
