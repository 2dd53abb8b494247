CREATE TABLE "audit_chain_keys" (
	"workstation_id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"bound_at" timestamp with time zone NOT NULL
);
