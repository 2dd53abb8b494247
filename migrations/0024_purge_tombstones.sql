CREATE TABLE `purge_key` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `purged_reports` (
	`report_key` text PRIMARY KEY NOT NULL
);
