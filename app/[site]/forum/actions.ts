'use server';

import { revalidatePath } from 'next/cache';
import { forgetKeptForum, forgetKeptThread } from '@/app/_http/kept-pages';
import { redirect } from 'next/navigation';
import { validatedActionWithUser } from '@/lib/action';
import { addConsultationSummary, openConsultation, takePosition } from '@/lib/forum/consultation-mutations';
import { applyForMembership, decideMembership, endMembership, QuotaFullError, stepDown } from '@/lib/forum/membership-mutations';
import { moderatePost, reportPost, setThreadFlag, suspendPosting } from '@/lib/forum/moderation-mutations';
import { markAllNotificationsRead, openNotification } from '@/lib/forum/notification-mutations';
import { rateService } from '@/lib/forum/scorecard-mutations';
import { addPost, createThread, editPost, markThreadRead, setFollow } from '@/lib/forum/thread-mutations';
import {
  applySchema,
  createThreadSchema,
  decideMembershipSchema,
  editPostSchema,
  endMembershipSchema,
  followSchema,
  forumSettingsSchema,
  markReadSchema,
  moderatePostSchema,
  rateServiceSchema,
  replySchema,
  reportPostSchema,
  serialId,
  stepDownSchema,
  summarySchema,
  suspendSchema,
  takePositionSchema,
  threadFlagSchema,
} from '@/lib/forum/schema';
import { pageOfPost, postHref } from '@/lib/forum/links';
import { openConsultationSchema } from '@/lib/forum/consultation-schema';
import { updateForumSettings } from '@/lib/forum/settings';
import * as z from 'zod';

// Thin on purpose: parse (the wrapper), call lib/forum (which checks who may), then refresh or
// redirect. The whole /forum tree is revalidated: lists, counts and badges depend on each other.
function refreshForum() {
  refreshMembersForum();
  forgetKeptForum();
}

/**
 * What changes only the member's own view (what they follow, their notifications): the pages kept
 * for visitors show none of it, so they stay kept — opening a notification used to throw away every
 * kept forum page.
 */
function refreshMembersForum() {
  revalidatePath('/[site]/forum', 'layout');
}

export const applyAction = validatedActionWithUser(applySchema, async (input, { user }) => {
  await applyForMembership({ actor: user, ...input });
  refreshForum();
});

export const decideAction = validatedActionWithUser(decideMembershipSchema, async (input, { user }) => {
  try {
    await decideMembership({ actor: user, ...input });
  } catch (error) {
    // A refusal the coordinator must read in full: which quota, and who holds its seats.
    if (error instanceof QuotaFullError) return { quota: { quota: error.quota, limit: error.limit, holders: error.holders } };
    throw error;
  }
  refreshForum();
  return {};
});

export const endMembershipAction = validatedActionWithUser(endMembershipSchema, async (input, { user }) => {
  await endMembership({ actor: user, ...input });
  refreshForum();
});

export const stepDownAction = validatedActionWithUser(stepDownSchema, async (input, { user }) => {
  await stepDown({ actor: user, ...input });
  refreshForum();
});

export const createThreadAction = validatedActionWithUser(createThreadSchema, async (input, { user }) => {
  const { id } = await createThread({ actor: user, ...input });
  refreshForum();
  redirect(`/forum/threads/${id}`);
});

export const replyAction = validatedActionWithUser(replySchema, async (input, { user }) => {
  const post = await addPost({ actor: user, ...input });
  // The most frequent write: only this thread's kept pages go (and the lists), not every thread's.
  refreshMembersForum();
  forgetKeptThread(input.threadId, pageOfPost(post.number));
  redirect(postHref(input.threadId, post.number));
});

export const editPostAction = validatedActionWithUser(editPostSchema, async (input, { user }) => {
  const { threadId, number } = await editPost({ actor: user, ...input });
  refreshForum();
  redirect(postHref(threadId, number));
});

export const reportPostAction = validatedActionWithUser(reportPostSchema, async (input, { user }) => {
  await reportPost({ actor: user, ...input });
  refreshForum();
});

export const moderatePostAction = validatedActionWithUser(moderatePostSchema, async (input, { user }) => {
  await moderatePost({ actor: user, ...input });
  refreshForum();
});

export const threadFlagAction = validatedActionWithUser(threadFlagSchema, async (input, { user }) => {
  await setThreadFlag({ actor: user, ...input });
  refreshForum();
});

export const suspendAction = validatedActionWithUser(suspendSchema, async (input, { user }) => {
  await suspendPosting({ actor: user, ...input });
  refreshForum();
});

export const followAction = validatedActionWithUser(followSchema, async (input, { user }) => {
  await setFollow({ actor: user, ...input });
  refreshMembersForum();
});

/**
 * The thread page's client reports how far the member has read (components/forum/mark-read.tsx).
 * Nothing is refreshed: the counts it changes are read afresh by the next page that shows them.
 */
export const markReadAction = validatedActionWithUser(markReadSchema, async (input, { user }) => {
  await markThreadRead({ actor: user, ...input });
});

export const openNotificationAction = validatedActionWithUser(z.object({ id: serialId }), async (input, { user }): Promise<void> => {
  const target = await openNotification({ actor: user, id: input.id });
  refreshMembersForum();
  if (target.threadId && target.number) redirect(postHref(target.threadId, target.number));
  if (target.threadId) redirect(`/forum/threads/${target.threadId}`);
  redirect('/forum/membership');
});

export const markAllReadAction = validatedActionWithUser(z.object({}), async (_input, { user }) => {
  await markAllNotificationsRead({ actor: user });
  refreshMembersForum();
});

export const openConsultationAction = validatedActionWithUser(openConsultationSchema, async (input, { user }) => {
  const { id } = await openConsultation({ actor: user, ...input });
  refreshForum();
  redirect(`/forum/consultations/${id}`);
});

export const takePositionAction = validatedActionWithUser(takePositionSchema, async (input, { user }) => {
  await takePosition({ actor: user, ...input });
  refreshForum();
});

export const summaryAction = validatedActionWithUser(summarySchema, async (input, { user }) => {
  await addConsultationSummary({ actor: user, ...input });
  refreshForum();
});

export const rateServiceAction = validatedActionWithUser(rateServiceSchema, async (input, { user }) => {
  await rateService({ actor: user, ...input });
  refreshForum();
});

export const forumSettingsAction = validatedActionWithUser(forumSettingsSchema, async (input, { user }) => {
  await updateForumSettings({ actor: user, settings: input });
  refreshForum();
});
