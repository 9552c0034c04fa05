'use server';

import { revalidatePath } from 'next/cache';
import { forgetAllKept } from '@/app/_http/kept-pages';
import {
  createCommune,
  createLocality,
  grantRole,
  renameCommune,
  renameLocality,
  revokeRole,
  setCommuneActive,
  setLocalityActive,
  setUserStatus,
} from '@/lib/admin/mutations';
import {
  createCommuneSchema,
  createLocalitySchema,
  grantRoleSchema,
  renameCommuneSchema,
  renameLocalitySchema,
  revokeRoleSchema,
  setCommuneActiveSchema,
  setLocalityActiveSchema,
  resetSecondFactorSchema,
  setUserStatusSchema,
} from '@/lib/admin/schema';
import { resetSecondFactor } from '@/lib/auth/two-factor';
import { validatedActionWithUser } from '@/lib/action';

// Thin on purpose: parse (the wrapper), call lib/admin (which checks the actor is an admin),
// then refresh. Counts on the overview and names in the user and commune lists depend on one
// another, so the whole /admin tree is revalidated rather than guessing which pages changed.
function refreshAdmin() {
  revalidatePath('/[site]/admin', 'layout');
  forgetAllKept(); // communes' and places' names show on the public pages
}

export const grantRoleAction = validatedActionWithUser(grantRoleSchema, async (input, { user }) => {
  await grantRole({ actor: user, ...input });
  refreshAdmin();
});

export const revokeRoleAction = validatedActionWithUser(revokeRoleSchema, async (input, { user }) => {
  await revokeRole({ actor: user, grantId: input.grantId });
  refreshAdmin();
});

export const setUserStatusAction = validatedActionWithUser(setUserStatusSchema, async (input, { user }) => {
  await setUserStatus({ actor: user, ...input });
  refreshAdmin();
});

export const createCommuneAction = validatedActionWithUser(createCommuneSchema, async (input, { user }) => {
  await createCommune({ actor: user, ...input });
  refreshAdmin();
});

export const renameCommuneAction = validatedActionWithUser(renameCommuneSchema, async (input, { user }) => {
  await renameCommune({ actor: user, ...input });
  refreshAdmin();
});

export const setCommuneActiveAction = validatedActionWithUser(setCommuneActiveSchema, async (input, { user }) => {
  await setCommuneActive({ actor: user, ...input });
  refreshAdmin();
});

export const createLocalityAction = validatedActionWithUser(createLocalitySchema, async (input, { user }) => {
  await createLocality({ actor: user, ...input });
  refreshAdmin();
});

export const renameLocalityAction = validatedActionWithUser(renameLocalitySchema, async (input, { user }) => {
  await renameLocality({ actor: user, ...input });
  refreshAdmin();
});

export const setLocalityActiveAction = validatedActionWithUser(setLocalityActiveSchema, async (input, { user }) => {
  await setLocalityActive({ actor: user, ...input });
  refreshAdmin();
});

export const resetSecondFactorAction = validatedActionWithUser(resetSecondFactorSchema, async (input, { user }) => {
  await resetSecondFactor({ actor: user, userId: input.userId });
  refreshAdmin();
});
