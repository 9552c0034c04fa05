import * as z from 'zod';
import { localDateTime } from '@/lib/local-time';
import { withMarkdownLimits } from '@/lib/markdown/limits';
import { optionalCommuneId, threadTitle, withAreas } from './schema';

// Apart from the forum's other forms (lib/forum/schema.ts): its deadline is a Warsaw wall-clock
// time checked with Temporal, a polyfill of 20 KB (gzipped) that the other forms' browser code
// need not carry.

export const openConsultationSchema = withAreas({
  title: threadTitle,
  body: withMarkdownLimits(z.string({ error: 'required' }).trim().min(10, 'consultation_text_too_short').max(50_000, 'consultation_text_too_long')),
  communeId: optionalCommuneId,
  deadline: localDateTime,
});
