'use client';

import { openConsultationSchema } from '@/lib/forum/consultation-schema';
import { SchemaForm, type ForumFormProps } from './schema-form';

/** The form that opens a consultation, loaded on its own page only (it carries Temporal). */
export default function ConsultationFormFields<T>(props: ForumFormProps<T> & { form: 'consultation' }) {
  return <SchemaForm schema={openConsultationSchema} {...props} />;
}
