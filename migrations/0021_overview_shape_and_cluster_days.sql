-- The overview's filed reports per day, cluster and team (src-main/overview/cluster-day-counts.ts): spikes of
-- clusters read these rows instead of every report of every busy cluster over the baseline. Kept by triggers on
-- `reports`: a filed report in a cluster adds itself; leaving (withdrawn, deleted, another cluster, day or team)
-- takes itself out; a group that reaches zero goes. Without rowid: a window of days is one range of the key.
CREATE TABLE `cluster_day_counts` (
	`day` text NOT NULL,
	`cluster_id` integer NOT NULL,
	`team` text NOT NULL,
	`reports` integer NOT NULL,
	PRIMARY KEY(`day`, `cluster_id`, `team`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `cluster_day_counts_cluster` ON `cluster_day_counts` (`cluster_id`, `day`);
--> statement-breakpoint
CREATE TRIGGER `cluster_day_counts_insert` AFTER INSERT ON `reports` WHEN NEW.status = 'filed' AND NEW.cluster_id IS NOT NULL BEGIN
  INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`) VALUES (substr(NEW.received_at, 1, 10), NEW.cluster_id, coalesce(NEW.route_team, ''), 1)
  ON CONFLICT (`day`, `cluster_id`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_day_counts_delete` AFTER DELETE ON `reports` WHEN OLD.status = 'filed' AND OLD.cluster_id IS NOT NULL BEGIN
  UPDATE `cluster_day_counts` SET `reports` = `reports` - 1
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `cluster_day_counts`
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `cluster_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `cluster_id`, `route_team` ON `reports`
WHEN ((OLD.status = 'filed' AND OLD.cluster_id IS NOT NULL) OR (NEW.status = 'filed' AND NEW.cluster_id IS NOT NULL)) AND (
  OLD.status IS NOT NEW.status OR substr(OLD.received_at, 1, 10) IS NOT substr(NEW.received_at, 1, 10)
  OR OLD.cluster_id IS NOT NEW.cluster_id OR OLD.route_team IS NOT NEW.route_team
) BEGIN
  UPDATE `cluster_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `cluster_day_counts`
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
  INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
  SELECT substr(NEW.received_at, 1, 10), NEW.cluster_id, coalesce(NEW.route_team, ''), 1 WHERE NEW.status = 'filed' AND NEW.cluster_id IS NOT NULL
  ON CONFLICT (`day`, `cluster_id`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
-- Stores from before: their reports counted once.
INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
SELECT substr(`received_at`, 1, 10), `cluster_id`, coalesce(`route_team`, ''), count(*) FROM `reports`
 WHERE `status` = 'filed' AND `cluster_id` IS NOT NULL
 GROUP BY 1, 2, 3;
--> statement-breakpoint
-- The shape of each indicator that has one (src-main/overview/rising-shapes.ts shapeOf, the same rules in SQL): an
-- IBAN's country and bank code, a phone number's first five digits after the '+', a domain's top-level domain.
CREATE VIEW `indicator_shapes` AS
SELECT `id`,
       CASE `type` WHEN 'iban' THEN 'iban-bank' WHEN 'phone' THEN 'phone-range' ELSE 'tld' END AS `kind`,
       CASE `type` WHEN 'iban' THEN substr(`value`, 1, 2) || ' ' || substr(`value`, 5, 4)
                   WHEN 'phone' THEN substr(`value`, 1, 6)
                   ELSE '.' || replace(`value`, rtrim(`value`, replace(`value`, '.', '')), '') END AS `shape`
  FROM `indicators`
 WHERE (`type` = 'iban' AND length(`value`) >= 8) OR (`type` = 'phone' AND substr(`value`, 1, 1) = '+') OR (`type` = 'domain' AND instr(`value`, '.') > 0);
--> statement-breakpoint
-- The overview's filed reports per day, shape and team (src-main/overview/shape-day-counts.ts): a report counts once
-- for each shape its indicators (not benign) have. Rising shapes read these rows instead of every report's mentions.
CREATE TABLE `shape_day_counts` (
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`shape` text NOT NULL,
	`team` text NOT NULL,
	`reports` integer NOT NULL,
	PRIMARY KEY(`day`, `kind`, `shape`, `team`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Kept like indicator_day_counts: a mention adds or takes out its report's shape only when it is the report's first
-- or last mention (not benign) with that shape; a report moving moves all its shapes.
CREATE TRIGGER `shape_day_counts_mention_insert` AFTER INSERT ON `mentions` WHEN NEW.benign = 0 BEGIN
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT substr(r.received_at, 1, 10), s.kind, s.shape, coalesce(r.route_team, ''), 1 FROM `indicator_shapes` s, `reports` r
   WHERE s.id = NEW.indicator_id AND r.id = NEW.report_id AND r.status = 'filed'
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = NEW.report_id AND m.benign = 0 AND NOT (m.indicator_id = NEW.indicator_id AND m.field = NEW.field)
                        AND o.kind = s.kind AND o.shape = s.shape)
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `shape_day_counts_mention_delete` AFTER DELETE ON `mentions` WHEN OLD.benign = 0 BEGIN
  UPDATE `shape_day_counts` SET `reports` = `reports` - 1
   WHERE `kind` = (SELECT kind FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `shape` = (SELECT shape FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `day` = (SELECT substr(received_at, 1, 10) FROM `reports` WHERE id = OLD.report_id AND status = 'filed')
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = OLD.report_id AND m.benign = 0 AND o.kind = `shape_day_counts`.kind AND o.shape = `shape_day_counts`.shape);
  DELETE FROM `shape_day_counts`
   WHERE `reports` = 0 AND `kind` = (SELECT kind FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `shape` = (SELECT shape FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `day` = (SELECT substr(received_at, 1, 10) FROM `reports` WHERE id = OLD.report_id)
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id);
END;
--> statement-breakpoint
CREATE TRIGGER `shape_day_counts_mention_benign` AFTER UPDATE OF `benign` ON `mentions` WHEN OLD.benign IS NOT NEW.benign BEGIN
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT substr(r.received_at, 1, 10), s.kind, s.shape, coalesce(r.route_team, ''), 1 FROM `indicator_shapes` s, `reports` r
   WHERE NEW.benign = 0 AND s.id = NEW.indicator_id AND r.id = NEW.report_id AND r.status = 'filed'
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = NEW.report_id AND m.benign = 0 AND NOT (m.indicator_id = NEW.indicator_id AND m.field = NEW.field)
                        AND o.kind = s.kind AND o.shape = s.shape)
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + 1;
  UPDATE `shape_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.benign = 0 AND `kind` = (SELECT kind FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `shape` = (SELECT shape FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `day` = (SELECT substr(received_at, 1, 10) FROM `reports` WHERE id = OLD.report_id AND status = 'filed')
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
                      WHERE m.report_id = OLD.report_id AND m.benign = 0 AND o.kind = `shape_day_counts`.kind AND o.shape = `shape_day_counts`.shape);
  DELETE FROM `shape_day_counts`
   WHERE OLD.benign = 0 AND `reports` = 0 AND `kind` = (SELECT kind FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `shape` = (SELECT shape FROM `indicator_shapes` WHERE id = OLD.indicator_id)
     AND `day` = (SELECT substr(received_at, 1, 10) FROM `reports` WHERE id = OLD.report_id)
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id);
END;
--> statement-breakpoint
CREATE TRIGGER `shape_day_counts_report_update` AFTER UPDATE OF `status`, `received_at`, `route_team` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND (
  OLD.status IS NOT NEW.status OR substr(OLD.received_at, 1, 10) IS NOT substr(NEW.received_at, 1, 10) OR OLD.route_team IS NOT NEW.route_team
) BEGIN
  UPDATE `shape_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `team` = coalesce(OLD.route_team, '')
     AND (`kind`, `shape`) IN (SELECT o.kind, o.shape FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id WHERE m.report_id = OLD.id AND m.benign = 0);
  DELETE FROM `shape_day_counts` WHERE `reports` = 0 AND OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `team` = coalesce(OLD.route_team, '');
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT DISTINCT substr(NEW.received_at, 1, 10), o.kind, o.shape, coalesce(NEW.route_team, ''), 1 FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id
   WHERE NEW.status = 'filed' AND m.report_id = NEW.id AND m.benign = 0
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
-- A filed report deleted with its mentions still in place: before the cascade takes them.
CREATE TRIGGER `shape_day_counts_report_delete` BEFORE DELETE ON `reports` WHEN OLD.status = 'filed' BEGIN
  UPDATE `shape_day_counts` SET `reports` = `reports` - 1
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `team` = coalesce(OLD.route_team, '')
     AND (`kind`, `shape`) IN (SELECT o.kind, o.shape FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id WHERE m.report_id = OLD.id AND m.benign = 0);
  DELETE FROM `shape_day_counts` WHERE `reports` = 0 AND `day` = substr(OLD.received_at, 1, 10) AND `team` = coalesce(OLD.route_team, '');
END;
--> statement-breakpoint
-- Stores from before: each report's shapes counted once.
INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
SELECT substr(r.received_at, 1, 10), p.kind, p.shape, coalesce(r.route_team, ''), count(*)
  FROM (SELECT DISTINCT m.report_id, o.kind, o.shape FROM `mentions` m JOIN `indicator_shapes` o ON o.id = m.indicator_id WHERE m.benign = 0) p
  JOIN `reports` r ON r.id = p.report_id
 WHERE r.status = 'filed'
 GROUP BY 1, 2, 3, 4;
