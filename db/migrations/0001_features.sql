CREATE TYPE "public"."meeting_type" AS ENUM('forum_session', 'workshop', 'consultation', 'conference', 'training');--> statement-breakpoint
CREATE TYPE "public"."article_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."consultation_position" AS ENUM('supports', 'supports_with_remarks', 'opposes', 'abstains');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('pending', 'approved', 'rejected', 'ended');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('reply', 'quote', 'decision', 'post_hidden');--> statement-breakpoint
CREATE TYPE "public"."representation" AS ENUM('locality', 'ngo', 'business');--> statement-breakpoint
CREATE TYPE "public"."response_channel" AS ENUM('online', 'paper');--> statement-breakpoint
CREATE TYPE "public"."survey_response_mode" AS ENUM('open_link', 'invitation');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('draft', 'open', 'closed', 'archived');--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"meeting_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendees_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" "meeting_type" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"address" text NOT NULL,
	"online_url" text,
	"commune_id" integer,
	"link_url" text,
	"capacity" integer,
	"minutes" text,
	"minutes_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"lead" text NOT NULL,
	"body" text NOT NULL,
	"commune_id" integer,
	"status" "article_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_consultations" (
	"id" serial PRIMARY KEY NOT NULL,
	"thread_id" integer NOT NULL,
	"commune_id" integer,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"summary" text,
	"summary_by" uuid,
	"summary_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_consultations_threadId_unique" UNIQUE("thread_id")
);
--> statement-breakpoint
CREATE TABLE "forum_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"locality_quota" integer DEFAULT 5 NOT NULL,
	"organisation_quota" integer DEFAULT 5 NOT NULL,
	"auto_hide_reports" integer DEFAULT 3 NOT NULL,
	"posts_per_window" integer DEFAULT 10 NOT NULL,
	"post_window_seconds" integer DEFAULT 300 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"commune_id" integer NOT NULL,
	"representation" "representation" NOT NULL,
	"locality_id" integer,
	"organisation" text,
	"statement" text DEFAULT '' NOT NULL,
	"status" "membership_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "forum_notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"thread_id" integer,
	"post_id" bigint,
	"membership_id" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "forum_consultation_positions" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"commune_id" integer NOT NULL,
	"representation" "representation" NOT NULL,
	"position" "consultation_position" NOT NULL,
	"justification" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_positions_once" UNIQUE("consultation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "forum_post_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"post_id" bigint NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "forum_post_reports_once" UNIQUE("post_id","reporter_id")
);
--> statement-breakpoint
CREATE TABLE "forum_post_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"post_id" bigint NOT NULL,
	"body" text NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_posting_suspensions" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_posts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"thread_id" integer NOT NULL,
	"number" integer NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"quoted_post_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"hidden_reason" text,
	"hidden_auto" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "forum_scorecards" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"commune_id" integer NOT NULL,
	"service_area_id" integer NOT NULL,
	"quarter" integer NOT NULL,
	"score" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_scorecards_once" UNIQUE("user_id","commune_id","service_area_id","quarter"),
	CONSTRAINT "forum_scorecards_score_range" CHECK ("forum_scorecards"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "forum_thread_areas" (
	"thread_id" integer NOT NULL,
	"service_area_id" integer NOT NULL,
	CONSTRAINT "forum_thread_areas_thread_id_service_area_id_pk" PRIMARY KEY("thread_id","service_area_id")
);
--> statement-breakpoint
CREATE TABLE "forum_thread_follows" (
	"user_id" uuid NOT NULL,
	"thread_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_thread_follows_user_id_thread_id_pk" PRIMARY KEY("user_id","thread_id")
);
--> statement-breakpoint
CREATE TABLE "forum_thread_reads" (
	"user_id" uuid NOT NULL,
	"thread_id" integer NOT NULL,
	"last_read_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "forum_thread_reads_user_id_thread_id_pk" PRIMARY KEY("user_id","thread_id")
);
--> statement-breakpoint
CREATE TABLE "forum_threads" (
	"id" serial PRIMARY KEY NOT NULL,
	"commune_id" integer,
	"title" text NOT NULL,
	"author_id" uuid,
	"locked" boolean DEFAULT false NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"post_count" integer DEFAULT 0 NOT NULL,
	"last_post_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"item_key" text DEFAULT '' NOT NULL,
	"value" integer,
	"dont_know" boolean DEFAULT false NOT NULL,
	"text" text,
	"review_state" smallint,
	CONSTRAINT "survey_answers_response_id_question_id_item_key_pk" PRIMARY KEY("response_id","question_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "survey_invitation_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"code" text NOT NULL,
	"batch" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"commune_id" integer NOT NULL,
	"locality_id" integer,
	"age_group" text,
	"respondent_type" text,
	"channel" "response_channel" DEFAULT 'online' NOT NULL,
	"entered_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_version_id" uuid,
	"status" "survey_status" DEFAULT 'draft' NOT NULL,
	"response_mode" "survey_response_mode" DEFAULT 'open_link' NOT NULL,
	"title_pl" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_pl" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"commune_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "results_cells" (
	"survey_id" uuid NOT NULL,
	"commune_id" integer NOT NULL,
	"question_id" text NOT NULL,
	"item_key" text NOT NULL,
	"value" integer NOT NULL,
	"dont_know" boolean NOT NULL,
	"answers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "results_cells_survey_id_question_id_commune_id_item_key_value_dont_know_pk" PRIMARY KEY("survey_id","question_id","commune_id","item_key","value","dont_know")
);
--> statement-breakpoint
CREATE TABLE "results_daily" (
	"survey_id" uuid NOT NULL,
	"commune_id" integer NOT NULL,
	"channel" "response_channel" NOT NULL,
	"day" date NOT NULL,
	"responses" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "results_daily_survey_id_commune_id_channel_day_pk" PRIMARY KEY("survey_id","commune_id","channel","day")
);
--> statement-breakpoint
CREATE TABLE "results_profile_cells" (
	"survey_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"commune_id" integer NOT NULL,
	"locality_id" integer NOT NULL,
	"age_group" text NOT NULL,
	"respondent_type" text NOT NULL,
	"channel" "response_channel" NOT NULL,
	"item_key" text NOT NULL,
	"value" integer NOT NULL,
	"dont_know" boolean NOT NULL,
	"answers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "results_profile_cells_survey_id_question_id_commune_id_locality_id_age_group_respondent_type_channel_item_key_value_dont_know_pk" PRIMARY KEY("survey_id","question_id","commune_id","locality_id","age_group","respondent_type","channel","item_key","value","dont_know")
);
--> statement-breakpoint
CREATE TABLE "results_profiles" (
	"survey_id" uuid NOT NULL,
	"commune_id" integer NOT NULL,
	"locality_id" integer NOT NULL,
	"age_group" text NOT NULL,
	"respondent_type" text NOT NULL,
	"channel" "response_channel" NOT NULL,
	"responses" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "results_profiles_survey_id_commune_id_locality_id_age_group_respondent_type_channel_pk" PRIMARY KEY("survey_id","commune_id","locality_id","age_group","respondent_type","channel")
);
--> statement-breakpoint
CREATE TABLE "results_publications" (
	"survey_id" uuid PRIMARY KEY NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultations" ADD CONSTRAINT "forum_consultations_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultations" ADD CONSTRAINT "forum_consultations_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultations" ADD CONSTRAINT "forum_consultations_summary_by_users_id_fk" FOREIGN KEY ("summary_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultations" ADD CONSTRAINT "forum_consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_memberships" ADD CONSTRAINT "forum_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_memberships" ADD CONSTRAINT "forum_memberships_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_memberships" ADD CONSTRAINT "forum_memberships_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_memberships" ADD CONSTRAINT "forum_memberships_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_memberships" ADD CONSTRAINT "forum_memberships_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notifications" ADD CONSTRAINT "forum_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notifications" ADD CONSTRAINT "forum_notifications_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_notifications" ADD CONSTRAINT "forum_notifications_membership_id_forum_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."forum_memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultation_positions" ADD CONSTRAINT "forum_consultation_positions_consultation_id_forum_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."forum_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultation_positions" ADD CONSTRAINT "forum_consultation_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_consultation_positions" ADD CONSTRAINT "forum_consultation_positions_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_reports" ADD CONSTRAINT "forum_post_reports_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_reports" ADD CONSTRAINT "forum_post_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_reports" ADD CONSTRAINT "forum_post_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_revisions" ADD CONSTRAINT "forum_post_revisions_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posting_suspensions" ADD CONSTRAINT "forum_posting_suspensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posting_suspensions" ADD CONSTRAINT "forum_posting_suspensions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_scorecards" ADD CONSTRAINT "forum_scorecards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_scorecards" ADD CONSTRAINT "forum_scorecards_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_scorecards" ADD CONSTRAINT "forum_scorecards_service_area_id_service_areas_id_fk" FOREIGN KEY ("service_area_id") REFERENCES "public"."service_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_areas" ADD CONSTRAINT "forum_thread_areas_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_areas" ADD CONSTRAINT "forum_thread_areas_service_area_id_service_areas_id_fk" FOREIGN KEY ("service_area_id") REFERENCES "public"."service_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_follows" ADD CONSTRAINT "forum_thread_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_follows" ADD CONSTRAINT "forum_thread_follows_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_reads" ADD CONSTRAINT "forum_thread_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_reads" ADD CONSTRAINT "forum_thread_reads_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation_codes" ADD CONSTRAINT "survey_invitation_codes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation_codes" ADD CONSTRAINT "survey_invitation_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_previous_version_id_surveys_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_cells" ADD CONSTRAINT "results_cells_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_daily" ADD CONSTRAINT "results_daily_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_profile_cells" ADD CONSTRAINT "results_profile_cells_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_profiles" ADD CONSTRAINT "results_profiles_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_publications" ADD CONSTRAINT "results_publications_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_publications" ADD CONSTRAINT "results_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_attendees_user_idx" ON "meeting_attendees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "meetings_commune_starts_idx" ON "meetings" USING btree ("commune_id","starts_at");--> statement-breakpoint
CREATE INDEX "articles_published_idx" ON "articles" USING btree ("status","published_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_memberships_live_idx" ON "forum_memberships" USING btree ("user_id") WHERE status in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "forum_memberships_commune_idx" ON "forum_memberships" USING btree ("commune_id","status");--> statement-breakpoint
CREATE INDEX "forum_notifications_user_idx" ON "forum_notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "forum_notifications_unread_idx" ON "forum_notifications" USING btree ("user_id") WHERE read_at is null;--> statement-breakpoint
CREATE INDEX "forum_post_reports_open_idx" ON "forum_post_reports" USING btree ("post_id") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "forum_post_revisions_post_idx" ON "forum_post_revisions" USING btree ("post_id","id");--> statement-breakpoint
CREATE INDEX "forum_posting_suspensions_user_idx" ON "forum_posting_suspensions" USING btree ("user_id","until");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_posts_thread_number_idx" ON "forum_posts" USING btree ("thread_id","number");--> statement-breakpoint
CREATE INDEX "forum_posts_author_idx" ON "forum_posts" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "forum_posts_search_idx" ON "forum_posts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "forum_scorecards_area_idx" ON "forum_scorecards" USING btree ("commune_id","service_area_id","quarter");--> statement-breakpoint
CREATE INDEX "forum_thread_areas_area_idx" ON "forum_thread_areas" USING btree ("service_area_id");--> statement-breakpoint
CREATE INDEX "forum_thread_follows_thread_idx" ON "forum_thread_follows" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "forum_threads_list_idx" ON "forum_threads" USING btree ("pinned","last_post_at","id");--> statement-breakpoint
CREATE INDEX "forum_threads_commune_idx" ON "forum_threads" USING btree ("commune_id","last_post_at");--> statement-breakpoint
CREATE INDEX "forum_threads_search_idx" ON "forum_threads" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("survey_id","question_id","item_key","value");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_codes_code_idx" ON "survey_invitation_codes" USING btree ("survey_id","code");--> statement-breakpoint
CREATE INDEX "survey_invitation_codes_batch_idx" ON "survey_invitation_codes" USING btree ("survey_id","batch","id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_time_idx" ON "survey_responses" USING btree ("survey_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_commune_idx" ON "survey_responses" USING btree ("survey_id","commune_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_slug_idx" ON "surveys" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "surveys_status_idx" ON "surveys" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "results_profile_cells_age_idx" ON "results_profile_cells" USING btree ("survey_id","question_id","age_group");