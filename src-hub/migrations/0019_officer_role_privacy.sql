ALTER TABLE "officers" DROP CONSTRAINT "officers_role";--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_role" CHECK ("officers"."role" IN ('officer', 'supervisor', 'privacy'));