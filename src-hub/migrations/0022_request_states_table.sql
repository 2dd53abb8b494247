ALTER TABLE "action_states" RENAME TO "request_states";--> statement-breakpoint
ALTER TABLE "request_states" RENAME COLUMN "action_id" TO "request_id";--> statement-breakpoint
ALTER TABLE "request_states" DROP CONSTRAINT "action_states_mutation_id_mutations_id_fk";
--> statement-breakpoint
ALTER TABLE "request_states" ADD CONSTRAINT "request_states_mutation_id_mutations_id_fk" FOREIGN KEY ("mutation_id") REFERENCES "public"."mutations"("id") ON DELETE no action ON UPDATE no action;