ALTER TABLE "meetings" ADD COLUMN "description_html" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes_html" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "forum_consultations" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "forum_consultations" ADD COLUMN "summary_html" text;--> statement-breakpoint
ALTER TABLE "forum_post_revisions" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD COLUMN "body_html" text;