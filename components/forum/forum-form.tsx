'use client';

import dynamic from 'next/dynamic';
import type { GeneralFormName } from './forum-form-fields';
import type { ForumFormProps } from './schema-form';

export type { FieldSpec, FormData2, Option } from './schema-form';
export type FormName = GeneralFormName | 'consultation';

// The forms' code (zod, react-hook-form, the schemas; Temporal for a consultation's deadline) is
// loaded only when a page shows a form: a component imported by a page is otherwise part of the
// page's scripts for every visitor, and the forum's pages are mostly read by people who write
// nothing. On the server the form renders as before; the browser fetches its code with the page.
const ForumFormFields = dynamic(() => import('./forum-form-fields'));
const ConsultationFormFields = dynamic(() => import('./consultation-form-fields'));

/** One client form for the forum's many small forms, its schema picked by name (see schema-form.tsx). */
export function ForumForm<T>(props: ForumFormProps<T> & { form: FormName }) {
  return props.form === 'consultation' ? (
    <ConsultationFormFields {...(props as ForumFormProps<unknown> & { form: 'consultation' })} />
  ) : (
    <ForumFormFields {...(props as ForumFormProps<unknown> & { form: GeneralFormName })} />
  );
}
