CREATE TABLE "purge_key" (
	"id" integer PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "purge_key_one_row" CHECK ("purge_key"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "purged_reports" (
	"report_key" text PRIMARY KEY NOT NULL
);
