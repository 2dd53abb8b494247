DROP INDEX `mentions_linking`;--> statement-breakpoint
DROP INDEX `mentions_indicator`;--> statement-breakpoint
CREATE INDEX `mentions_indicator` ON `mentions` (`indicator_id`,`report_id`,`benign`);