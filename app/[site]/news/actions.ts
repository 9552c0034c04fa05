'use server';

import { revalidatePath } from 'next/cache';
import { forgetKeptHome } from '@/app/_http/kept-pages';
import { redirect } from 'next/navigation';
import { validatedActionWithUser } from '@/lib/action';
import { createArticle, updateArticle } from '@/lib/news/mutations';
import { articleSchema, updateArticleSchema } from '@/lib/news/schema';

// Thin on purpose: parse, call lib/news (which checks rights), refresh the news and the home page.
function refresh() {
  revalidatePath('/[site]/news', 'layout');
  revalidatePath('/[site]', 'page');
  forgetKeptHome();
}

export const createArticleAction = validatedActionWithUser(articleSchema, async (input, { user }) => {
  const { id } = await createArticle({ actor: user, input });
  refresh();
  redirect(`/news/${id}`);
});

export const updateArticleAction = validatedActionWithUser(updateArticleSchema, async ({ id, ...input }, { user }) => {
  await updateArticle({ actor: user, id, input });
  refresh();
  redirect(`/news/${id}`);
});
