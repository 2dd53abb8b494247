ALTER TABLE `actions` RENAME TO `requests`;--> statement-breakpoint
DROP INDEX `actions_state`;--> statement-breakpoint
DROP INDEX `actions_indicator`;--> statement-breakpoint
DROP INDEX `actions_due`;--> statement-breakpoint
CREATE INDEX `requests_state` ON `requests` (`state`);--> statement-breakpoint
CREATE INDEX `requests_indicator` ON `requests` (`indicator_type`,`indicator_value`);--> statement-breakpoint
CREATE INDEX `requests_due` ON `requests` (`due_at`);