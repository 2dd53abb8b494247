CREATE TABLE "officer_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"officer_id" text NOT NULL,
	"public_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "officer_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "officer_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"officer_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "officer_sessions_method" CHECK ("officer_sessions"."method" IN ('credential', 'oidc'))
);
--> statement-breakpoint
CREATE TABLE "refused_mutations" (
	"mutation_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"officer" text NOT NULL,
	"at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"reason" text NOT NULL,
	"pushed_by" text NOT NULL,
	"refused_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "elsewhere_questions" ALTER COLUMN "token_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mutations" ALTER COLUMN "token_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mutations" ADD COLUMN "session_id" integer;--> statement-breakpoint
ALTER TABLE "mutations" ADD COLUMN "proof_key_id" text;--> statement-breakpoint
ALTER TABLE "mutations" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "officer_keys" ADD CONSTRAINT "officer_keys_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_sessions" ADD CONSTRAINT "officer_sessions_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "officer_sessions_hash" ON "officer_sessions" USING btree ("token_hash");--> statement-breakpoint
ALTER TABLE "mutations" ADD CONSTRAINT "mutations_session_id_officer_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."officer_sessions"("id") ON DELETE no action ON UPDATE no action;