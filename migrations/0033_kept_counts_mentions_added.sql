-- The import's reports and mentions pass no per-row trigger (issue 16: a trigger on a table, even one whose WHEN
-- skips the row, costs every insert a statement journal and a trigger program; the import's 150,000 mentions at 100k
-- paid that). The reports a batch adds were already counted grouped at its end (`kept_day_counts_settle`, 0026):
-- 1. A report is inserted only by the report writer, always under a deferral (its batch's, or its own when it applies
--    one record: sync), so `kept_day_counts_report_insert` never counted anything and goes.
-- 2. Mentions: those of a report the running deferral adds are counted by the settling. The writer announces the
--    others (a newer revision's new mentions) in `kept_counts_mentions_added`, one row for the rowids it just wrote,
--    and `kept_day_counts_mentions_added` counts them as `kept_day_counts_mention_insert` did one by one — a report's
--    indicator (and shape) once, when no other mention (not benign) of it is left — unless a deferral covers the
--    report (a revision of one its batch added); the row goes at once.
-- The writer's side: src-main/db/reports/writes.ts prepareReportWriting.
CREATE TABLE `kept_counts_mentions_added` (
	`report_id` integer NOT NULL,
	`first_rowid` integer NOT NULL,
	`last_rowid` integer NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `kept_day_counts_report_insert`;
--> statement-breakpoint
DROP TRIGGER `kept_day_counts_mention_insert`;
--> statement-breakpoint
CREATE TRIGGER `kept_day_counts_mentions_added` AFTER INSERT ON `kept_counts_mentions_added` BEGIN
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), p.indicator_id, coalesce(r.route_team, ''), 1, r.loss_cents
    FROM (SELECT DISTINCT indicator_id FROM `mentions` WHERE report_id = NEW.report_id AND rowid BETWEEN NEW.first_rowid AND NEW.last_rowid AND benign = 0) p, `reports` r
   WHERE r.id = NEW.report_id AND r.status = 'filed' AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = NEW.report_id AND m.indicator_id = p.indicator_id AND m.benign = 0
                       AND m.rowid NOT BETWEEN NEW.first_rowid AND NEW.last_rowid)
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), s.kind, s.shape, coalesce(r.route_team, ''), 1
    FROM (SELECT DISTINCT o.kind, o.shape FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
           WHERE m.report_id = NEW.report_id AND m.rowid BETWEEN NEW.first_rowid AND NEW.last_rowid AND m.benign = 0) s, `reports` r
   WHERE r.id = NEW.report_id AND r.status = 'filed' AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = NEW.report_id AND m.benign = 0 AND m.rowid NOT BETWEEN NEW.first_rowid AND NEW.last_rowid
                        AND o.kind = s.kind AND o.shape = s.shape)
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + 1;
  DELETE FROM `kept_counts_mentions_added`;
END;
