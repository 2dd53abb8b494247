ALTER TABLE "officers" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_oidc_subject" UNIQUE("oidc_subject");