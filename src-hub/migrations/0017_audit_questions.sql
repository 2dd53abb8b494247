CREATE TABLE "audit_questions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"asked_at" timestamp with time zone NOT NULL,
	"officer_id" text NOT NULL,
	"token_id" integer,
	"session_id" integer,
	"scope" text NOT NULL,
	"report_id" text,
	"about_officer" text,
	"period_from" text,
	"period_to" text,
	"continued" boolean NOT NULL,
	"answered" integer,
	"refusal" text
);
--> statement-breakpoint
ALTER TABLE "audit_questions" ADD CONSTRAINT "audit_questions_token_id_hub_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."hub_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_questions" ADD CONSTRAINT "audit_questions_session_id_officer_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."officer_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_actor_at" ON "audit_entries" USING btree ("actor","at");--> statement-breakpoint
CREATE INDEX "audit_entries_subject" ON "audit_entries" USING btree ("subject_type","subject_id");