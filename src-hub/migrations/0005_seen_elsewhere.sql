CREATE TABLE "elsewhere_questions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "elsewhere_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"asked_at" timestamp with time zone NOT NULL,
	"token_id" integer NOT NULL,
	"officer_id" text,
	"asked_for" text,
	"scope" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"answered" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_indicators" (
	"type" text NOT NULL,
	"value" text NOT NULL,
	"report_id" text NOT NULL,
	CONSTRAINT "report_indicators_type_value_report_id_pk" PRIMARY KEY("type","value","report_id")
);
--> statement-breakpoint
ALTER TABLE "elsewhere_questions" ADD CONSTRAINT "elsewhere_questions_token_id_hub_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."hub_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_indicators_report" ON "report_indicators" USING btree ("report_id");