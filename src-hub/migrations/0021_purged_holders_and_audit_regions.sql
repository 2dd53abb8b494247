CREATE TABLE "audit_report_regions" (
	"report_id" text PRIMARY KEY NOT NULL,
	"regions" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purged_holders" (
	"subject" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "purged_reports" ADD COLUMN "regions" text[];