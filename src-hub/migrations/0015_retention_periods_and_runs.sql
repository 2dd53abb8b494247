CREATE TABLE "retention_periods" (
	"id" integer PRIMARY KEY NOT NULL,
	"daily_task_years" integer NOT NULL,
	"case_years" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_periods_one_row" CHECK ("retention_periods"."id" = 1),
	CONSTRAINT "retention_periods_years" CHECK ("retention_periods"."daily_task_years" BETWEEN 1 AND 30 AND "retention_periods"."case_years" BETWEEN "retention_periods"."daily_task_years" AND 30)
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retention_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ran_at" timestamp with time zone NOT NULL,
	"as_of" text NOT NULL,
	"purged" integer NOT NULL,
	"kept" integer NOT NULL,
	"held" jsonb NOT NULL
);
