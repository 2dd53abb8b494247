-- The kept counts' writes for less (issue 16).
-- 1. Each indicator's shape is worked out once, when the indicator is stored, instead of through the view for every
--    mention each time a count is kept: the generated columns `shape_kind` and `shape` (0021's rules, the same as
--    src-main/overview/rising-shapes.ts shapeOf) are VIRTUAL, so every writer, old or new, inserts indicators as
--    before, and the partial index `indicators_shape` stores their values for the indicators that have a shape —
--    built here for the indicators already stored. The view `indicator_shapes` reads them from that index (INDEXED BY:
--    the planner would rather read the table's row by rowid, where the shape would be worked out again).
-- 2. A revision moves a report's counts only when its Dutch day (the day key the counts use) changes: the five update
--    triggers compared the full `received_at`, so a later revision on the same day moved every count out and back in.
--    Their bodies are unchanged.
ALTER TABLE `indicators` ADD `shape_kind` text GENERATED ALWAYS AS (CASE WHEN `type` = 'iban' AND length(`value`) >= 8 THEN 'iban-bank' WHEN `type` = 'phone' AND substr(`value`, 1, 1) = '+' THEN 'phone-range' WHEN `type` = 'domain' AND instr(`value`, '.') > 0 THEN 'tld' END) VIRTUAL;
--> statement-breakpoint
ALTER TABLE `indicators` ADD `shape` text GENERATED ALWAYS AS (CASE WHEN `type` = 'iban' AND length(`value`) >= 8 THEN substr(`value`, 1, 2) || ' ' || substr(`value`, 5, 4) WHEN `type` = 'phone' AND substr(`value`, 1, 1) = '+' THEN substr(`value`, 1, 6) WHEN `type` = 'domain' AND instr(`value`, '.') > 0 THEN '.' || replace(`value`, rtrim(`value`, replace(`value`, '.', '')), '') END) VIRTUAL;
--> statement-breakpoint
CREATE INDEX `indicators_shape` ON `indicators` (`id`, `shape_kind`, `shape`) WHERE `shape` IS NOT NULL;
--> statement-breakpoint
DROP VIEW `indicator_shapes`;
--> statement-breakpoint
CREATE VIEW `indicator_shapes` AS
SELECT `id`, `shape_kind` AS `kind`, `shape` FROM `indicators` INDEXED BY `indicators_shape` WHERE `shape` IS NOT NULL;
--> statement-breakpoint
DROP TRIGGER `report_day_counts_update`;
--> statement-breakpoint
CREATE TRIGGER `report_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `category`, `region`, `route_team`, `assignee`, `work_status`, `loss_cents` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) IS NOT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END) OR OLD.category IS NOT NEW.category
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
DROP TRIGGER `indicator_day_counts_report_update`;
--> statement-breakpoint
CREATE TRIGGER `indicator_day_counts_report_update` AFTER UPDATE OF `status`, `received_at`, `route_team`, `loss_cents` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) IS NOT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END) OR OLD.route_team IS NOT NEW.route_team OR OLD.loss_cents IS NOT NEW.loss_cents
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
DROP TRIGGER `shape_day_counts_report_update`;
--> statement-breakpoint
CREATE TRIGGER `shape_day_counts_report_update` AFTER UPDATE OF `status`, `received_at`, `route_team` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) IS NOT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END) OR OLD.route_team IS NOT NEW.route_team
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
DROP TRIGGER `cluster_day_counts_update`;
--> statement-breakpoint
CREATE TRIGGER `cluster_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `cluster_id`, `route_team` ON `reports`
WHEN ((OLD.status = 'filed' AND OLD.cluster_id IS NOT NULL) OR (NEW.status = 'filed' AND NEW.cluster_id IS NOT NULL)) AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) IS NOT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END) OR OLD.cluster_id IS NOT NEW.cluster_id OR OLD.route_team IS NOT NEW.route_team
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
DROP TRIGGER `summary_day_counts_update`;
--> statement-breakpoint
CREATE TRIGGER `summary_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `summary`, `route_team` ON `reports`
WHEN ((OLD.status = 'filed' AND OLD.summary IS NOT NULL) OR (NEW.status = 'filed' AND NEW.summary IS NOT NULL)) AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) IS NOT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END) OR OLD.summary IS NOT NEW.summary OR OLD.route_team IS NOT NEW.route_team
) BEGIN
  UPDATE `summary_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `summary_day_counts`
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
  INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`)
  SELECT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), NEW.summary, coalesce(NEW.route_team, ''), 1 WHERE NEW.status = 'filed' AND NEW.summary IS NOT NULL
  ON CONFLICT (`day`, `summary`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
