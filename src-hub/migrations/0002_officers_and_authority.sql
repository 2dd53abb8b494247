CREATE TABLE "action_states" (
	"action_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"author" text NOT NULL,
	"state" text NOT NULL,
	"mutation_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auto_routes" (
	"report_id" text PRIMARY KEY NOT NULL,
	"mutation_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"id" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"team" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "officers_role" CHECK ("officers"."role" IN ('officer', 'supervisor'))
);
--> statement-breakpoint
ALTER TABLE "hub_tokens" ADD COLUMN "officer_id" text;--> statement-breakpoint
ALTER TABLE "action_states" ADD CONSTRAINT "action_states_mutation_id_mutations_id_fk" FOREIGN KEY ("mutation_id") REFERENCES "public"."mutations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_routes" ADD CONSTRAINT "auto_routes_mutation_id_mutations_id_fk" FOREIGN KEY ("mutation_id") REFERENCES "public"."mutations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_tokens" ADD CONSTRAINT "hub_tokens_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_tokens" ADD CONSTRAINT "hub_tokens_officer_workstation" CHECK ("hub_tokens"."officer_id" IS NULL OR "hub_tokens"."role" = 'workstation');