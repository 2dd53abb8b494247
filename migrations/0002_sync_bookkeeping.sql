CREATE TABLE `field_versions` (
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text NOT NULL,
	`seq` integer NOT NULL,
	`mutation_id` text,
	`officer` text,
	`at` text,
	`value` text NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`, `field`)
);
--> statement-breakpoint
CREATE TABLE `sync_applied` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`officer` text NOT NULL,
	`applied_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_applied_seq` ON `sync_applied` (`seq`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text NOT NULL,
	`my_value` text NOT NULL,
	`winning_value` text NOT NULL,
	`winning_mutation_id` text NOT NULL,
	`winning_officer` text NOT NULL,
	`winning_at` text NOT NULL,
	`detected_at` text NOT NULL,
	`dismissed_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_open` ON `sync_conflicts` (`dismissed_at`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `hub_seq` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `position` integer;