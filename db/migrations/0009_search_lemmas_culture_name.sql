ALTER TABLE "forum_posts" ALTER COLUMN "search_text" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "forum_posts" ALTER COLUMN "search_text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "forum_threads" ALTER COLUMN "search_text" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "forum_threads" ALTER COLUMN "search_text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_text" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED;--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector");--> statement-breakpoint
-- Search now stores lemmas (lib/search): older rows are indexed again by db/search-index.ts.
UPDATE "forum_posts" SET "search_text" = NULL;--> statement-breakpoint
UPDATE "forum_threads" SET "search_text" = NULL;
--> statement-breakpoint
-- One name for the culture area (issue 18): the questionnaire's and the project's "sport and
-- leisure" (wypoczynek); the deployment file said "rekreacja".
UPDATE "service_areas" SET "name_pl" = 'Kultura, sport i wypoczynek' WHERE "slug" = 'culture' AND "name_pl" = 'Kultura, sport i rekreacja';
