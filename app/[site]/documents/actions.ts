'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { validatedActionWithUser } from '@/lib/action';
import { deleteDocument, updateDocument } from '@/lib/documents/mutations';
import { attachmentParentHref } from '@/lib/documents/queries';
import { deleteDocumentSchema, updateDocumentSchema } from '@/lib/documents/schema';

// Thin on purpose: parse (the wrapper), call lib/documents (which checks rights), refresh.
// Files are uploaded through the routes in app/api/documents (they report progress).

export const updateDocumentAction = validatedActionWithUser(updateDocumentSchema, async ({ id, ...input }, { user }) => {
  await updateDocument({ actor: user, id, input });
  revalidatePath('/[site]/documents', 'layout');
  redirect(`/documents/${id}`);
});

export const deleteDocumentAction = validatedActionWithUser(deleteDocumentSchema, async ({ id }, { user }): Promise<void> => {
  const parent = await deleteDocument({ actor: user, id });
  revalidatePath('/[site]/documents', 'layout');
  const back =
    parent.meetingId !== null
      ? attachmentParentHref('meeting', parent.meetingId)
      : parent.articleId !== null
        ? attachmentParentHref('article', parent.articleId)
        : parent.consultationId !== null
          ? attachmentParentHref('consultation', parent.consultationId)
          : '/documents';
  // Where it was attached (a meeting, an article, a consultation): pages rendered per request.
  if (back !== '/documents') revalidatePath('/[site]', 'layout');
  redirect(back);
});
