CREATE TABLE "results_sources" (
	"survey_id" uuid NOT NULL,
	"commune_id" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "results_sources_survey_id_commune_id_source_pk" PRIMARY KEY("survey_id","commune_id","source")
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "record_key" smallint DEFAULT floor(random() * 256) NOT NULL;--> statement-breakpoint
ALTER TABLE "results_cells" ADD COLUMN "key_sum" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "results_daily" ADD COLUMN "key_sum" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "results_profile_cells" ADD COLUMN "key_sum" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "results_profiles" ADD COLUMN "key_sum" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "results_sources" ADD CONSTRAINT "results_sources_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;