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
ALTER TABLE "results_cells" ADD CONSTRAINT "results_cells_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_daily" ADD CONSTRAINT "results_daily_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_profile_cells" ADD CONSTRAINT "results_profile_cells_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_profiles" ADD CONSTRAINT "results_profiles_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_publications" ADD CONSTRAINT "results_publications_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_publications" ADD CONSTRAINT "results_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "results_profile_cells_age_idx" ON "results_profile_cells" USING btree ("survey_id","question_id","age_group");