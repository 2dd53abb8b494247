CREATE TABLE `directory_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`entry` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `directory_entries_kind` ON `directory_entries` (`kind`);--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`rule` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `actions` ADD `title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `addressee_id` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `sent_at` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `due_at` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `executed_at` text;--> statement-breakpoint
CREATE INDEX `actions_due` ON `actions` (`due_at`);--> statement-breakpoint
ALTER TABLE `reports` ADD `route_team` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `route_priority` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `route_rule` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `route_reason` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `routed_by` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `routed_at` text;