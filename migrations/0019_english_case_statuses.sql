-- Case statuses in English (shared/mutations/upcast.ts), and the status's default with them. SQLite changes a default
-- only by making the table anew; the generated `DROP TABLE cases` would take every case's reports with it (foreign
-- keys stay on inside the migration's transaction, and case_reports cascades). So both tables are moved aside and made
-- anew, in an order in which no cascade deletes a row: the children's table is dropped before its parent's.
ALTER TABLE `case_reports` RENAME TO `__old_case_reports`;
--> statement-breakpoint
ALTER TABLE `cases` RENAME TO `__old_cases`;
--> statement-breakpoint
DROP INDEX `case_reports_report`;
--> statement-breakpoint
DROP INDEX `cases_status`;
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`owner` text,
	`team` text,
	`status` text DEFAULT 'new' NOT NULL,
	`close_reason` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `cases` (`id`, `title`, `owner`, `team`, `status`, `close_reason`, `created_by`, `created_at`, `updated_at`)
  SELECT `id`, `title`, `owner`, `team`,
         CASE `status` WHEN 'nieuw' THEN 'new' WHEN 'in_behandeling' THEN 'in_progress' WHEN 'actie_uitgezet' THEN 'action_taken' WHEN 'afgerond' THEN 'closed' ELSE `status` END,
         `close_reason`, `created_by`, `created_at`, `updated_at`
  FROM `__old_cases`;
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
INSERT INTO `case_reports` (`case_id`, `report_id`, `added_by`, `added_at`) SELECT `case_id`, `report_id`, `added_by`, `added_at` FROM `__old_case_reports`;
--> statement-breakpoint
DROP TABLE `__old_case_reports`;
--> statement-breakpoint
DROP TABLE `__old_cases`;
--> statement-breakpoint
CREATE INDEX `cases_status` ON `cases` (`status`);
--> statement-breakpoint
CREATE INDEX `case_reports_report` ON `case_reports` (`report_id`);
--> statement-breakpoint
UPDATE `field_versions` SET `value` = CASE `value` WHEN '"nieuw"' THEN '"new"' WHEN '"in_behandeling"' THEN '"in_progress"' WHEN '"actie_uitgezet"' THEN '"action_taken"' ELSE '"closed"' END
  WHERE `entity` = 'case' AND `field` = 'status' AND `value` IN ('"nieuw"', '"in_behandeling"', '"actie_uitgezet"', '"afgerond"');
--> statement-breakpoint
UPDATE `sync_conflicts` SET `my_value` = CASE `my_value` WHEN '"nieuw"' THEN '"new"' WHEN '"in_behandeling"' THEN '"in_progress"' WHEN '"actie_uitgezet"' THEN '"action_taken"' ELSE '"closed"' END
  WHERE `entity` = 'case' AND `field` = 'status' AND `my_value` IN ('"nieuw"', '"in_behandeling"', '"actie_uitgezet"', '"afgerond"');
--> statement-breakpoint
UPDATE `sync_conflicts` SET `winning_value` = CASE `winning_value` WHEN '"nieuw"' THEN '"new"' WHEN '"in_behandeling"' THEN '"in_progress"' WHEN '"actie_uitgezet"' THEN '"action_taken"' ELSE '"closed"' END
  WHERE `entity` = 'case' AND `field` = 'status' AND `winning_value` IN ('"nieuw"', '"in_behandeling"', '"actie_uitgezet"', '"afgerond"');
