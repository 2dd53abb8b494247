ALTER TABLE `outbox` ADD `basis` text;--> statement-breakpoint
ALTER TABLE `sync_applied` ADD `basis` text;