CREATE TABLE `request_listed_reports` (
	`report_id` text NOT NULL,
	`request_id` text NOT NULL,
	PRIMARY KEY(`report_id`, `request_id`)
);
--> statement-breakpoint
ALTER TABLE `purged_holders` ADD `cause` text DEFAULT 'purged' NOT NULL;--> statement-breakpoint
-- A store from before this migration kept only each request's current list. The audit log names the list of every
-- request creation and list change this store made or applied (action.create, action.setReports), so the past lists
-- are filled from it, with the current lists and the reports requests are about. A report purged since may be named
-- again: its id, not its words (the audit log keeps it too); a purge takes its rows out from now on.
INSERT OR IGNORE INTO `request_listed_reports` (`report_id`, `request_id`)
  SELECT listed.value, `requests`.`id` FROM `requests`, json_each(`requests`.`payload`, '$.reportIds') AS listed
  UNION SELECT json_extract(`payload`, '$.clusterReportId'), `id` FROM `requests` WHERE json_extract(`payload`, '$.clusterReportId') IS NOT NULL
  UNION SELECT listed.value, `audit_log`.`subject_id` FROM `audit_log`, json_each(`audit_log`.`details`, '$.reportIds') AS listed
    WHERE `audit_log`.`subject_type` = 'action' AND `audit_log`.`action` IN ('action.create', 'action.setReports');
--> statement-breakpoint
-- The day a withdrawal remembered for the report itself was a withdrawal's. For a case or request remembered before,
-- what happened is not known: it keeps the purge's wording, and the late-quote window (two days) has passed for most.
UPDATE `purged_holders` SET `cause` = 'withdrawn' WHERE `subject` LIKE 'report:%';
