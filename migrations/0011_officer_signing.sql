CREATE TABLE `officer_signing_keys` (
	`officer` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`private_key` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `proof` text;