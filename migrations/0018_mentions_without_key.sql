PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_mentions` (
	`report_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`field` text NOT NULL,
	`raw` text NOT NULL,
	`benign` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_mentions`("report_id", "indicator_id", "field", "raw", "benign") SELECT "report_id", "indicator_id", "field", "raw", "benign" FROM `mentions`;--> statement-breakpoint
DROP TABLE `mentions`;--> statement-breakpoint
ALTER TABLE `__new_mentions` RENAME TO `mentions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `mentions_report` ON `mentions` (`report_id`);--> statement-breakpoint
CREATE INDEX `mentions_indicator` ON `mentions` (`indicator_id`,`report_id`);--> statement-breakpoint
CREATE INDEX `mentions_linking` ON `mentions` (`indicator_id`,`report_id`) WHERE benign = 0;