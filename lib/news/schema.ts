import * as z from 'zod';
import { withMarkdownLimits } from '@/lib/markdown/limits';
import { localDateTime } from '@/lib/local-time';
import { communeChoice, serialId } from '@/lib/meetings/schema';

// Safe to import in the browser: the article form and the server actions share these schemas.

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export const NEWS_PAGE_SIZE = 10;

export const articleSchema = z.object({
  title: z.string({ error: 'required' }).trim().min(3, 'title_too_short').max(200, 'title_too_long'),
  lead: z.string({ error: 'required' }).trim().min(10, 'lead_too_short').max(600, 'text_too_long'),
  body: withMarkdownLimits(z.string({ error: 'required' }).trim().min(10, 'body_too_short').max(50_000, 'text_too_long')),
  communeId: communeChoice,
  status: z.enum(ARTICLE_STATUSES, { error: 'required' }),
  publishedAt: localDateTime,
});

export type ArticleInput = z.output<typeof articleSchema>;

export const updateArticleSchema = articleSchema.extend({ id: serialId });

export const newsFiltersSchema = z.object({
  cursor: z.string().regex(/^\d{1,10}$/).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
});
