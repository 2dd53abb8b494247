CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`indicator_type` text,
	`indicator_value` text,
	`case_id` text,
	`state` text NOT NULL,
	`payload` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `actions_state` ON `actions` (`state`);--> statement-breakpoint
CREATE INDEX `actions_indicator` ON `actions` (`indicator_type`,`indicator_value`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_subject` ON `audit_log` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `benign_values` (
	`type` text NOT NULL,
	`value` text NOT NULL,
	`reason` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`type`, `value`)
);
--> statement-breakpoint
CREATE TABLE `case_reports` (
	`case_id` text NOT NULL,
	`report_id` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	PRIMARY KEY(`case_id`, `report_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_reports_report` ON `case_reports` (`report_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`owner` text,
	`team` text,
	`status` text DEFAULT 'nieuw' NOT NULL,
	`close_reason` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cases_status` ON `cases` (`status`);--> statement-breakpoint
CREATE TABLE `clusters` (
	`id` integer PRIMARY KEY NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`enrichment` text,
	`benign_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_type_value` ON `indicators` (`type`,`value`);--> statement-breakpoint
CREATE TABLE `link_decisions` (
	`report_a` text NOT NULL,
	`report_b` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	PRIMARY KEY(`report_a`, `report_b`)
);
--> statement-breakpoint
CREATE TABLE `mentions` (
	`report_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`field` text NOT NULL,
	`raw` text NOT NULL,
	`benign` integer NOT NULL,
	PRIMARY KEY(`report_id`, `indicator_id`, `field`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentions_indicator` ON `mentions` (`indicator_id`,`report_id`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`body` text NOT NULL,
	`author` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notes_subject` ON `notes` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `officers` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`team` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`mutation_id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`officer` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`acked_at` text
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`state`,`created_at`) WHERE state = 'pending';--> statement-breakpoint
CREATE TABLE `report_revisions` (
	`report_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`status` text NOT NULL,
	`received_at` text NOT NULL,
	`raw` text NOT NULL,
	PRIMARY KEY(`report_id`, `revision`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`revision` integer NOT NULL,
	`status` text NOT NULL,
	`received_at` text NOT NULL,
	`first_received_at` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`region` text,
	`reporter_type` text,
	`summary` text,
	`narrative` text,
	`loss_cents` integer DEFAULT 0 NOT NULL,
	`incident_at` text,
	`cluster_id` integer,
	`work_status` text DEFAULT 'new' NOT NULL,
	`assignee` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_report_id` ON `reports` (`report_id`);--> statement-breakpoint
CREATE INDEX `reports_received_at` ON `reports` (`received_at`);--> statement-breakpoint
CREATE INDEX `reports_cluster` ON `reports` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `reports_category_received` ON `reports` (`category`,`received_at`);--> statement-breakpoint
CREATE INDEX `reports_work` ON `reports` (`work_status`,`assignee`);--> statement-breakpoint
CREATE TABLE `store_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
