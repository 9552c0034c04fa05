CREATE TYPE "public"."response_channel" AS ENUM('online', 'paper');--> statement-breakpoint
CREATE TYPE "public"."survey_response_mode" AS ENUM('open_link', 'invitation');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('draft', 'open', 'closed', 'archived');--> statement-breakpoint
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
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation_codes" ADD CONSTRAINT "survey_invitation_codes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitation_codes" ADD CONSTRAINT "survey_invitation_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_previous_version_id_surveys_id_fk" FOREIGN KEY ("previous_version_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("survey_id","question_id","item_key","value");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_codes_code_idx" ON "survey_invitation_codes" USING btree ("survey_id","code");--> statement-breakpoint
CREATE INDEX "survey_invitation_codes_batch_idx" ON "survey_invitation_codes" USING btree ("survey_id","batch","id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_time_idx" ON "survey_responses" USING btree ("survey_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_commune_idx" ON "survey_responses" USING btree ("survey_id","commune_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_slug_idx" ON "surveys" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "surveys_status_idx" ON "surveys" USING btree ("status","created_at");