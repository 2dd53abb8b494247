CREATE TABLE "audit_chain_heads" (
	"workstation_id" text PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"entry_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_refusals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_chain_refusals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"workstation_id" text NOT NULL,
	"refused_at" timestamp with time zone NOT NULL,
	"pushed_by" text NOT NULL,
	"first_bad" integer NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"workstation_id" text NOT NULL,
	"seq" integer NOT NULL,
	"at" text NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"details" text,
	"entry_hash" text NOT NULL,
	"token_id" integer,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audit_entries_workstation_id_seq_pk" PRIMARY KEY("workstation_id","seq")
);
--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_token_id_hub_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."hub_tokens"("id") ON DELETE no action ON UPDATE no action;