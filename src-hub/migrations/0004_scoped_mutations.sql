CREATE TABLE "mutation_regions" (
	"mutation_id" uuid NOT NULL,
	"region" text NOT NULL,
	CONSTRAINT "mutation_regions_mutation_id_region_pk" PRIMARY KEY("mutation_id","region")
);
--> statement-breakpoint
CREATE TABLE "mutation_subjects" (
	"subject" text NOT NULL,
	"mutation_id" uuid NOT NULL,
	CONSTRAINT "mutation_subjects_subject_mutation_id_pk" PRIMARY KEY("subject","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "subject_reports" (
	"subject" text NOT NULL,
	"report_id" text NOT NULL,
	CONSTRAINT "subject_reports_subject_report_id_pk" PRIMARY KEY("subject","report_id")
);
--> statement-breakpoint
DROP INDEX "feed_mutation";--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "scope" text[];--> statement-breakpoint
ALTER TABLE "mutation_regions" ADD CONSTRAINT "mutation_regions_mutation_id_mutations_id_fk" FOREIGN KEY ("mutation_id") REFERENCES "public"."mutations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutation_subjects" ADD CONSTRAINT "mutation_subjects_mutation_id_mutations_id_fk" FOREIGN KEY ("mutation_id") REFERENCES "public"."mutations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_reports_report" ON "subject_reports" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_mutation" ON "feed" USING btree ("mutation_id") WHERE NOT "feed"."reannounce";