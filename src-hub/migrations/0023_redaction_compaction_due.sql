CREATE TABLE "redaction_compaction_due" (
	"id" integer PRIMARY KEY NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"generation" bigint DEFAULT 1 NOT NULL,
	"claimed_until" timestamp with time zone,
	CONSTRAINT "redaction_compaction_due_one_row" CHECK ("redaction_compaction_due"."id" = 1)
);
