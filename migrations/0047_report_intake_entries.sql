-- Which intake batch entries name a report (review M2): a report's audit trail found them by instr() over every
-- `reports.received` entry's details (~210 ms at 1M reports, each time a report was opened). The trigger fills the
-- index in the transaction that appends the entry, from the ids the entry lists; the purge deletes a report's rows
-- (src-main/db/reports/writes.ts), the log keeps the id inside the entry. Keyed by the intake's report id, as the
-- entry names it; without rowid, the key is the whole row. Entries one a report (before migration 0047's release)
-- are found through `audit_subject`.
CREATE TABLE `report_intake_entries` (
	`report_id` text NOT NULL,
	`audit_id` integer NOT NULL,
	PRIMARY KEY(`report_id`, `audit_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `report_intake_entries_on_insert` AFTER INSERT ON `audit_log`
WHEN NEW.action = 'reports.received' AND NEW.subject_type = 'reports' AND NEW.subject_id = 'intake' BEGIN
  INSERT OR IGNORE INTO `report_intake_entries` (`report_id`, `audit_id`)
  SELECT `value` ->> 0, NEW.id FROM json_each(NEW.details, '$.received')
  UNION ALL SELECT `value` ->> 0, NEW.id FROM json_each(NEW.details, '$.revised')
  UNION ALL SELECT `value` ->> 0, NEW.id FROM json_each(NEW.details, '$.withdrawn');
END;
--> statement-breakpoint
INSERT OR IGNORE INTO `report_intake_entries` (`report_id`, `audit_id`)
SELECT n.`report_id`, n.`audit_id` FROM (
  SELECT j.`value` ->> 0 AS `report_id`, a.`id` AS `audit_id` FROM `audit_log` a, json_each(a.`details`, '$.received') j
   WHERE a.`action` = 'reports.received' AND a.`subject_type` = 'reports' AND a.`subject_id` = 'intake'
  UNION ALL SELECT j.`value` ->> 0, a.`id` FROM `audit_log` a, json_each(a.`details`, '$.revised') j
   WHERE a.`action` = 'reports.received' AND a.`subject_type` = 'reports' AND a.`subject_id` = 'intake'
  UNION ALL SELECT j.`value` ->> 0, a.`id` FROM `audit_log` a, json_each(a.`details`, '$.withdrawn') j
   WHERE a.`action` = 'reports.received' AND a.`subject_type` = 'reports' AND a.`subject_id` = 'intake'
) n
WHERE EXISTS (SELECT 1 FROM `reports` r WHERE r.`report_id` = n.`report_id`);
