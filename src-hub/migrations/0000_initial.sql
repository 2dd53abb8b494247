CREATE SEQUENCE "public"."feed_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "feed" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"report_id" text,
	"revision" integer,
	"mutation_id" uuid,
	"regions" text[],
	"reannounce" boolean DEFAULT false NOT NULL,
	CONSTRAINT "feed_reference" CHECK (("feed"."type" = 'report' AND "feed"."report_id" IS NOT NULL AND "feed"."revision" IS NOT NULL AND "feed"."mutation_id" IS NULL AND "feed"."regions" IS NOT NULL)
        OR ("feed"."type" = 'mutation' AND "feed"."mutation_id" IS NOT NULL AND "feed"."report_id" IS NULL AND "feed"."revision" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "hub_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hub_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"role" text NOT NULL,
	"scope" text[],
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "hub_tokens_role" CHECK ("hub_tokens"."role" IN ('intake', 'workstation'))
);
--> statement-breakpoint
CREATE TABLE "mutations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"officer" text NOT NULL,
	"at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"token_id" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_revisions" (
	"report_id" text NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"region" text,
	"received_at" timestamp with time zone NOT NULL,
	"raw" text NOT NULL,
	"stored_at" timestamp with time zone NOT NULL,
	"token_id" integer NOT NULL,
	CONSTRAINT "report_revisions_report_id_revision_pk" PRIMARY KEY("report_id","revision")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"report_id" text PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"withdrawn_revision" integer,
	"first_received_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feed" ADD CONSTRAINT "feed_mutation_id_mutations_id_fk" FOREIGN KEY ("mutation_id") REFERENCES "public"."mutations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed" ADD CONSTRAINT "feed_report_id_revision_report_revisions_report_id_revision_fk" FOREIGN KEY ("report_id","revision") REFERENCES "public"."report_revisions"("report_id","revision") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutations" ADD CONSTRAINT "mutations_token_id_hub_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."hub_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_report_id_reports_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("report_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_token_id_hub_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."hub_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feed_mutation" ON "feed" USING btree ("mutation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_tokens_hash" ON "hub_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_tokens_active_name" ON "hub_tokens" USING btree ("name") WHERE "hub_tokens"."revoked_at" IS NULL;--> statement-breakpoint
CREATE INDEX "mutations_token" ON "mutations" USING btree ("token_id");