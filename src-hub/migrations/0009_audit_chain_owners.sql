CREATE TABLE "audit_chain_owners" (
	"workstation_id" text PRIMARY KEY NOT NULL,
	"token_id" integer NOT NULL,
	"bound_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_chain_owners" ADD CONSTRAINT "audit_chain_owners_token_id_hub_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."hub_tokens"("id") ON DELETE no action ON UPDATE no action;