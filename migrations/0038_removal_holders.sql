ALTER TABLE `purged_holders` RENAME TO `removal_holders`;--> statement-breakpoint
ALTER TABLE `removal_holders` RENAME COLUMN "purged_on" TO "removed_on";