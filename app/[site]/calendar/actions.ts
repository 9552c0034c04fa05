'use server';

import { revalidatePath } from 'next/cache';
import { forgetKeptHome } from '@/app/_http/kept-pages';
import { redirect } from 'next/navigation';
import { validatedActionWithUser } from '@/lib/action';
import { attachMinutes, attendMeeting, cancelMeeting, createMeeting, updateMeeting, withdrawAttendance } from '@/lib/meetings/mutations';
import { addWalkIns, recordSignUpAttendance, removeWalkIn } from '@/lib/meetings/attendance-mutations';
import {
  attendanceSchema,
  cancelMeetingSchema,
  createMeetingSchema,
  minutesSchema,
  removeAttendanceSchema,
  signUpAttendanceSchema,
  updateMeetingSchema,
  walkInSchema,
} from '@/lib/meetings/schema';

// Thin on purpose: parse (the wrapper), call lib/meetings (which checks rights), then refresh.
// The home page lists the next meetings, so it is refreshed with the calendar.
function refresh() {
  revalidatePath('/[site]/calendar', 'layout');
  revalidatePath('/[site]', 'page');
  forgetKeptHome();
}

export const createMeetingAction = validatedActionWithUser(createMeetingSchema, async (input, { user }) => {
  const { id } = await createMeeting({ actor: user, input });
  refresh();
  redirect(`/calendar/${id}`);
});

export const updateMeetingAction = validatedActionWithUser(updateMeetingSchema, async ({ id, ...input }, { user }) => {
  await updateMeeting({ actor: user, id, input });
  refresh();
  redirect(`/calendar/${id}`);
});

export const attachMinutesAction = validatedActionWithUser(minutesSchema, async ({ meetingId, minutes }, { user }) => {
  await attachMinutes({ actor: user, meetingId, minutes });
  refresh();
});

export const attendMeetingAction = validatedActionWithUser(attendanceSchema, async ({ meetingId }, { user }) => {
  await attendMeeting({ actor: user, meetingId });
  refresh();
});

export const withdrawAttendanceAction = validatedActionWithUser(attendanceSchema, async ({ meetingId }, { user }) => {
  await withdrawAttendance({ actor: user, meetingId });
  refresh();
});

export const cancelMeetingAction = validatedActionWithUser(cancelMeetingSchema, async ({ meetingId, reason }, { user }) => {
  await cancelMeeting({ actor: user, meetingId, reason });
  refresh();
});

export const recordSignUpAttendanceAction = validatedActionWithUser(signUpAttendanceSchema, async ({ meetingId, presentUserIds }, { user }) => {
  await recordSignUpAttendance({ actor: user, meetingId, presentUserIds });
  refresh();
});

export const addWalkInsAction = validatedActionWithUser(walkInSchema, async ({ meetingId, ...input }, { user }) => {
  await addWalkIns({ actor: user, meetingId, input });
  refresh();
});

export const removeWalkInAction = validatedActionWithUser(removeAttendanceSchema, async ({ meetingId, attendanceId }, { user }) => {
  await removeWalkIn({ actor: user, meetingId, attendanceId });
  refresh();
});
