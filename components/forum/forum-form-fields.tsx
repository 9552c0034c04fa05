'use client';

import {
  applySchema,
  createThreadSchema,
  decideMembershipSchema,
  editPostSchema,
  endMembershipSchema,
  forumSettingsSchema,
  moderatePostSchema,
  rateServiceSchema,
  replySchema,
  reportPostSchema,
  summarySchema,
  suspendSchema,
  takePositionSchema,
} from '@/lib/forum/schema';
import { SchemaForm, type ForumFormProps } from './schema-form';

// Loaded only where a form is shown (components/forum/forum-form.tsx): with zod and
// react-hook-form, some 50 KB of gzipped JavaScript a reader who writes nothing never needs.
const schemas = {
  apply: applySchema,
  createThread: createThreadSchema,
  decide: decideMembershipSchema,
  editPost: editPostSchema,
  endMembership: endMembershipSchema,
  settings: forumSettingsSchema,
  moderate: moderatePostSchema,
  rate: rateServiceSchema,
  reply: replySchema,
  report: reportPostSchema,
  summary: summarySchema,
  suspend: suspendSchema,
  position: takePositionSchema,
} as const;

export type GeneralFormName = keyof typeof schemas;

export default function ForumFormFields<T>(props: ForumFormProps<T> & { form: GeneralFormName }) {
  return <SchemaForm schema={schemas[props.form]} {...props} />;
}
