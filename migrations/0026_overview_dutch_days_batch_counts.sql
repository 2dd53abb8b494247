-- Dutch days and the import's kept counts in batch (issue 16).
-- 1. The overview counts in Dutch days (Europe/Amsterdam): every kept count's day is the Dutch day of the report's
--    receipt, not its UTC date (shared/platform/dutch-days.ts dutchDaySql: the next day from 23:00 UTC, and from
--    22:00 UTC in summer time — the last Sunday of March to the last Sunday of October, 01:00 UTC each). The
--    triggers are made anew with it and the tables recounted.
-- 2. An import counts its new reports in one go: while `kept_counts_deferral` holds a row, reports with a higher
--    id (the ones the running batch adds) are left alone by every trigger, and when the report writer deletes the
--    row at the end of its batch (same transaction) `kept_day_counts_settle` adds them, grouped, one UPSERT per
--    table and key instead of one per report and mention. Every other write (revisions of older reports, sync,
--    routing, linking, benign marks, purges) is counted by the triggers as before.
-- 3. Fewer triggers: one per event on `reports` and `mentions` where the tables' statements share it.
CREATE TABLE `kept_counts_deferral` (
	`after_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `report_day_counts_insert`;
--> statement-breakpoint
DROP TRIGGER `report_day_counts_delete`;
--> statement-breakpoint
DROP TRIGGER `report_day_counts_update`;
--> statement-breakpoint
DROP TRIGGER `indicator_day_counts_mention_insert`;
--> statement-breakpoint
DROP TRIGGER `indicator_day_counts_mention_delete`;
--> statement-breakpoint
DROP TRIGGER `indicator_day_counts_mention_benign`;
--> statement-breakpoint
DROP TRIGGER `indicator_day_counts_report_update`;
--> statement-breakpoint
DROP TRIGGER `indicator_day_counts_report_delete`;
--> statement-breakpoint
DROP TRIGGER `shape_day_counts_mention_insert`;
--> statement-breakpoint
DROP TRIGGER `shape_day_counts_mention_delete`;
--> statement-breakpoint
DROP TRIGGER `shape_day_counts_mention_benign`;
--> statement-breakpoint
DROP TRIGGER `shape_day_counts_report_update`;
--> statement-breakpoint
DROP TRIGGER `shape_day_counts_report_delete`;
--> statement-breakpoint
DROP TRIGGER `cluster_day_counts_insert`;
--> statement-breakpoint
DROP TRIGGER `cluster_day_counts_delete`;
--> statement-breakpoint
DROP TRIGGER `cluster_day_counts_update`;
--> statement-breakpoint
DROP TRIGGER `summary_day_counts_insert`;
--> statement-breakpoint
DROP TRIGGER `summary_day_counts_delete`;
--> statement-breakpoint
DROP TRIGGER `summary_day_counts_update`;
--> statement-breakpoint
-- A filed report arriving (outside an import's batch): its day group, its cluster's day (when it has one) and its summary's day.
CREATE TRIGGER `kept_day_counts_report_insert` AFTER INSERT ON `reports` WHEN NEW.status = 'filed' AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) BEGIN
  INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
  VALUES ((CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), NEW.category, coalesce(NEW.region, ''), coalesce(NEW.route_team, ''), coalesce(NEW.assignee, ''), NEW.work_status, 1, NEW.loss_cents)
  ON CONFLICT (`day`, `category`, `region`, `team`, `assignee`, `work_status`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
  SELECT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), NEW.cluster_id, coalesce(NEW.route_team, ''), 1 WHERE NEW.cluster_id IS NOT NULL
  ON CONFLICT (`day`, `cluster_id`, `team`) DO UPDATE SET `reports` = `reports` + 1;
  INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`)
  SELECT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), NEW.summary, coalesce(NEW.route_team, ''), 1 WHERE NEW.summary IS NOT NULL
  ON CONFLICT (`day`, `summary`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
-- A filed report deleted: out of its day group, its cluster's day and its summary's day; a group that reaches zero goes.
CREATE TRIGGER `kept_day_counts_report_delete` AFTER DELETE ON `reports` WHEN OLD.status = 'filed' AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < OLD.id) BEGIN
  UPDATE `report_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - OLD.loss_cents
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `category` = OLD.category AND `region` = coalesce(OLD.region, '')
     AND `team` = coalesce(OLD.route_team, '') AND `assignee` = coalesce(OLD.assignee, '') AND `work_status` = OLD.work_status;
  DELETE FROM `report_day_counts`
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `category` = OLD.category AND `region` = coalesce(OLD.region, '')
     AND `team` = coalesce(OLD.route_team, '') AND `assignee` = coalesce(OLD.assignee, '') AND `work_status` = OLD.work_status AND `reports` = 0;
  UPDATE `cluster_day_counts` SET `reports` = `reports` - 1
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `cluster_day_counts`
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
  UPDATE `summary_day_counts` SET `reports` = `reports` - 1
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `summary_day_counts`
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
END;
--> statement-breakpoint
-- A filed report deleted with its mentions still in place (the purge deletes them first): out of its indicators' and
-- shapes' days before the cascade takes the mentions, when their own trigger could no longer find the report's day.
CREATE TRIGGER `kept_day_counts_report_before_delete` BEFORE DELETE ON `reports` WHEN OLD.status = 'filed' AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < OLD.id) BEGIN
  UPDATE `indicator_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - OLD.loss_cents
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `team` = coalesce(OLD.route_team, '')
     AND `indicator_id` IN (SELECT indicator_id FROM `mentions` WHERE report_id = OLD.id AND benign = 0);
  DELETE FROM `indicator_day_counts`
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0
     AND `indicator_id` IN (SELECT indicator_id FROM `mentions` WHERE report_id = OLD.id AND benign = 0);
  UPDATE `shape_day_counts` SET `reports` = `reports` - 1
   WHERE `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `team` = coalesce(OLD.route_team, '')
     AND (`kind`, `shape`) IN (SELECT o.kind, o.shape FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id WHERE m.report_id = OLD.id AND m.benign = 0);
  DELETE FROM `shape_day_counts` WHERE `reports` = 0 AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `team` = coalesce(OLD.route_team, '');
END;
--> statement-breakpoint
-- A report moving (withdrawn, another day, category, region, team, assignee or work status, loss changed): out of
-- its old group, into its new one.
CREATE TRIGGER `report_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `category`, `region`, `route_team`, `assignee`, `work_status`, `loss_cents` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR OLD.received_at IS NOT NEW.received_at OR OLD.category IS NOT NEW.category
  OR OLD.region IS NOT NEW.region OR OLD.route_team IS NOT NEW.route_team OR OLD.assignee IS NOT NEW.assignee
  OR OLD.work_status IS NOT NEW.work_status OR OLD.loss_cents IS NOT NEW.loss_cents
) BEGIN
  UPDATE `report_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - OLD.loss_cents
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `category` = OLD.category AND `region` = coalesce(OLD.region, '')
     AND `team` = coalesce(OLD.route_team, '') AND `assignee` = coalesce(OLD.assignee, '') AND `work_status` = OLD.work_status;
  DELETE FROM `report_day_counts`
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `category` = OLD.category AND `region` = coalesce(OLD.region, '')
     AND `team` = coalesce(OLD.route_team, '') AND `assignee` = coalesce(OLD.assignee, '') AND `work_status` = OLD.work_status AND `reports` = 0;
  INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
  SELECT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), NEW.category, coalesce(NEW.region, ''), coalesce(NEW.route_team, ''), coalesce(NEW.assignee, ''), NEW.work_status, 1, NEW.loss_cents
   WHERE NEW.status = 'filed'
  ON CONFLICT (`day`, `category`, `region`, `team`, `assignee`, `work_status`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_day_counts_report_update` AFTER UPDATE OF `status`, `received_at`, `route_team`, `loss_cents` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR OLD.received_at IS NOT NEW.received_at OR OLD.route_team IS NOT NEW.route_team OR OLD.loss_cents IS NOT NEW.loss_cents
) BEGIN
  UPDATE `indicator_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - OLD.loss_cents
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `team` = coalesce(OLD.route_team, '')
     AND `indicator_id` IN (SELECT indicator_id FROM `mentions` WHERE report_id = OLD.id AND benign = 0);
  DELETE FROM `indicator_day_counts`
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0
     AND `indicator_id` IN (SELECT indicator_id FROM `mentions` WHERE report_id = OLD.id AND benign = 0);
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT DISTINCT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), indicator_id, coalesce(NEW.route_team, ''), 1, NEW.loss_cents FROM `mentions`
   WHERE NEW.status = 'filed' AND report_id = NEW.id AND benign = 0
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
END;
--> statement-breakpoint
CREATE TRIGGER `shape_day_counts_report_update` AFTER UPDATE OF `status`, `received_at`, `route_team` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR OLD.received_at IS NOT NEW.received_at OR OLD.route_team IS NOT NEW.route_team
) BEGIN
  UPDATE `shape_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `team` = coalesce(OLD.route_team, '')
     AND (`kind`, `shape`) IN (SELECT o.kind, o.shape FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id WHERE m.report_id = OLD.id AND m.benign = 0);
  DELETE FROM `shape_day_counts` WHERE `reports` = 0 AND OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `team` = coalesce(OLD.route_team, '');
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT DISTINCT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), o.kind, o.shape, coalesce(NEW.route_team, ''), 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
   WHERE NEW.status = 'filed' AND m.report_id = NEW.id AND m.benign = 0
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `cluster_id`, `route_team` ON `reports`
WHEN ((OLD.status = 'filed' AND OLD.cluster_id IS NOT NULL) OR (NEW.status = 'filed' AND NEW.cluster_id IS NOT NULL)) AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR OLD.received_at IS NOT NEW.received_at OR OLD.cluster_id IS NOT NEW.cluster_id OR OLD.route_team IS NOT NEW.route_team
) BEGIN
  UPDATE `cluster_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `cluster_day_counts`
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
  INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
  SELECT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), NEW.cluster_id, coalesce(NEW.route_team, ''), 1 WHERE NEW.status = 'filed' AND NEW.cluster_id IS NOT NULL
  ON CONFLICT (`day`, `cluster_id`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `summary_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `summary`, `route_team` ON `reports`
WHEN ((OLD.status = 'filed' AND OLD.summary IS NOT NULL) OR (NEW.status = 'filed' AND NEW.summary IS NOT NULL)) AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR OLD.received_at IS NOT NEW.received_at OR OLD.summary IS NOT NEW.summary OR OLD.route_team IS NOT NEW.route_team
) BEGIN
  UPDATE `summary_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `summary_day_counts`
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
  INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`)
  SELECT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), NEW.summary, coalesce(NEW.route_team, ''), 1 WHERE NEW.status = 'filed' AND NEW.summary IS NOT NULL
  ON CONFLICT (`day`, `summary`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
-- A mention (not benign) adds its report to the indicator's and its shape's day only when it is the report's first
-- such mention of that indicator or shape, and takes it out only when it was the last; a group that reaches zero goes.
CREATE TRIGGER `kept_day_counts_mention_insert` AFTER INSERT ON `mentions` WHEN NEW.benign = 0 AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.report_id) BEGIN
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), NEW.indicator_id, coalesce(r.route_team, ''), 1, r.loss_cents FROM `reports` r
   WHERE r.id = NEW.report_id AND r.status = 'filed'
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = NEW.report_id AND m.indicator_id = NEW.indicator_id AND m.field <> NEW.field AND m.benign = 0)
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), s.kind, s.shape, coalesce(r.route_team, ''), 1 FROM `indicator_shapes` s, `reports` r
   WHERE s.id = NEW.indicator_id AND r.id = NEW.report_id AND r.status = 'filed'
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = NEW.report_id AND m.benign = 0 AND NOT (m.indicator_id = NEW.indicator_id AND m.field = NEW.field)
                        AND o.kind = s.kind AND o.shape = s.shape)
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `kept_day_counts_mention_delete` AFTER DELETE ON `mentions` WHEN OLD.benign = 0 AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < OLD.report_id) BEGIN
  UPDATE `indicator_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - (SELECT loss_cents FROM `reports` WHERE id = OLD.report_id)
   WHERE `indicator_id` = OLD.indicator_id
     AND `day` = (SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END) FROM `reports` WHERE id = OLD.report_id AND status = 'filed')
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = OLD.report_id AND m.indicator_id = OLD.indicator_id AND m.benign = 0);
  DELETE FROM `indicator_day_counts`
   WHERE `indicator_id` = OLD.indicator_id AND `reports` = 0
     AND `day` = (SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END) FROM `reports` WHERE id = OLD.report_id)
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id);
  UPDATE `shape_day_counts` SET `reports` = `reports` - 1
   WHERE `kind` = (SELECT kind FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `shape` = (SELECT shape FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `day` = (SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END) FROM `reports` WHERE id = OLD.report_id AND status = 'filed')
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = OLD.report_id AND m.benign = 0 AND o.kind = `shape_day_counts`.kind AND o.shape = `shape_day_counts`.shape);
  DELETE FROM `shape_day_counts`
   WHERE `reports` = 0 AND `kind` = (SELECT kind FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `shape` = (SELECT shape FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `day` = (SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END) FROM `reports` WHERE id = OLD.report_id)
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id);
END;
--> statement-breakpoint
CREATE TRIGGER `kept_day_counts_mention_benign` AFTER UPDATE OF `benign` ON `mentions` WHEN OLD.benign IS NOT NEW.benign AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.report_id) BEGIN
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), NEW.indicator_id, coalesce(r.route_team, ''), 1, r.loss_cents FROM `reports` r
   WHERE NEW.benign = 0 AND r.id = NEW.report_id AND r.status = 'filed'
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = NEW.report_id AND m.indicator_id = NEW.indicator_id AND m.field <> NEW.field AND m.benign = 0)
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), s.kind, s.shape, coalesce(r.route_team, ''), 1 FROM `indicator_shapes` s, `reports` r
   WHERE NEW.benign = 0 AND s.id = NEW.indicator_id AND r.id = NEW.report_id AND r.status = 'filed'
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = NEW.report_id AND m.benign = 0 AND NOT (m.indicator_id = NEW.indicator_id AND m.field = NEW.field)
                        AND o.kind = s.kind AND o.shape = s.shape)
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + 1;
  UPDATE `indicator_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - (SELECT loss_cents FROM `reports` WHERE id = OLD.report_id)
   WHERE OLD.benign = 0 AND `indicator_id` = OLD.indicator_id
     AND `day` = (SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END) FROM `reports` WHERE id = OLD.report_id AND status = 'filed')
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = OLD.report_id AND m.indicator_id = OLD.indicator_id AND m.benign = 0);
  DELETE FROM `indicator_day_counts`
   WHERE OLD.benign = 0 AND `indicator_id` = OLD.indicator_id AND `reports` = 0
     AND `day` = (SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END) FROM `reports` WHERE id = OLD.report_id)
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id);
  UPDATE `shape_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.benign = 0 AND `kind` = (SELECT kind FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `shape` = (SELECT shape FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `day` = (SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END) FROM `reports` WHERE id = OLD.report_id AND status = 'filed')
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = OLD.report_id AND m.benign = 0 AND o.kind = `shape_day_counts`.kind AND o.shape = `shape_day_counts`.shape);
  DELETE FROM `shape_day_counts`
   WHERE OLD.benign = 0 AND `reports` = 0 AND `kind` = (SELECT kind FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `shape` = (SELECT shape FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `day` = (SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END) FROM `reports` WHERE id = OLD.report_id)
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id);
END;
--> statement-breakpoint
-- The end of an import's batch: the reports it added, counted in one go.
CREATE TRIGGER `kept_day_counts_settle` AFTER DELETE ON `kept_counts_deferral` BEGIN
  INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
  SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END), category, coalesce(region, ''), coalesce(route_team, ''), coalesce(assignee, ''), work_status, count(*), sum(loss_cents)
    FROM `reports` WHERE id > OLD.after_id AND +`status` = 'filed'
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (`day`, `category`, `region`, `team`, `assignee`, `work_status`) DO UPDATE SET `reports` = `reports` + excluded.`reports`, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), p.indicator_id, coalesce(r.route_team, ''), count(*), sum(r.loss_cents)
    FROM (SELECT DISTINCT m.report_id, m.indicator_id FROM `reports` n CROSS JOIN `mentions` m ON m.report_id = n.id WHERE n.id > OLD.after_id AND +m.benign = 0) p JOIN `reports` r ON r.id = p.report_id
   WHERE +r.status = 'filed'
   GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), p.kind, p.shape, coalesce(r.route_team, ''), count(*)
    FROM (SELECT DISTINCT m.report_id, o.kind, o.shape FROM `mentions` m CROSS JOIN `indicator_shapes` o ON o.id = m.indicator_id WHERE m.report_id > OLD.after_id AND +m.benign = 0) p
    JOIN `reports` r ON r.id = p.report_id
   WHERE +r.status = 'filed'
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
  INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
  SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END), `cluster_id`, coalesce(`route_team`, ''), count(*) FROM `reports`
   WHERE id > OLD.after_id AND +`status` = 'filed' AND +`cluster_id` IS NOT NULL
   GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `cluster_id`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
  INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`)
  SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END), `summary`, coalesce(`route_team`, ''), count(*) FROM `reports`
   WHERE id > OLD.after_id AND +`status` = 'filed' AND `summary` IS NOT NULL
   GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `summary`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
END;
--> statement-breakpoint
-- Every kept count again, in Dutch days.
DELETE FROM `report_day_counts`;
--> statement-breakpoint
DELETE FROM `indicator_day_counts`;
--> statement-breakpoint
DELETE FROM `shape_day_counts`;
--> statement-breakpoint
DELETE FROM `cluster_day_counts`;
--> statement-breakpoint
DELETE FROM `summary_day_counts`;
--> statement-breakpoint
INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END), category, coalesce(region, ''), coalesce(route_team, ''), coalesce(assignee, ''), work_status, count(*), sum(loss_cents)
  FROM `reports` WHERE `status` = 'filed'
 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), p.indicator_id, coalesce(r.route_team, ''), count(*), sum(r.loss_cents)
  FROM (SELECT DISTINCT report_id, indicator_id FROM `mentions` WHERE benign = 0) p JOIN `reports` r ON r.id = p.report_id
 WHERE r.status = 'filed'
 GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), p.kind, p.shape, coalesce(r.route_team, ''), count(*)
  FROM (SELECT DISTINCT m.report_id, o.kind, o.shape FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id WHERE m.benign = 0) p
  JOIN `reports` r ON r.id = p.report_id
 WHERE r.status = 'filed'
 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END), `cluster_id`, coalesce(`route_team`, ''), count(*) FROM `reports`
 WHERE `status` = 'filed' AND `cluster_id` IS NOT NULL
 GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`)
SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END), `summary`, coalesce(`route_team`, ''), count(*) FROM `reports`
 WHERE `status` = 'filed' AND `summary` IS NOT NULL
 GROUP BY 1, 2, 3;
