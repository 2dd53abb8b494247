-- A cluster merge moves the overview's cluster counts in one go (issue 16): merging two clusters moved every member
-- of the smaller one, and `cluster_day_counts_update` moved each member's count out and back in, three statements a
-- report (~40 µs each at 100k). Now the writer announces the move (src-main/db/reports/writes.ts moveMembers) in
-- `kept_counts_cluster_moves`: `kept_day_counts_cluster_moved` adds the cluster's day rows to the target's and deletes
-- them, the update trigger stands aside for the members moved exactly so, and the writer deletes the row at once. The
-- members a running import batch adds are still counted by its settling, with their final cluster.
CREATE TABLE `kept_counts_cluster_moves` (
	`from_cluster` integer NOT NULL,
	`to_cluster` integer NOT NULL,
	PRIMARY KEY(`from_cluster`, `to_cluster`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `kept_day_counts_cluster_moved` AFTER INSERT ON `kept_counts_cluster_moves` BEGIN
  INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
  SELECT `day`, NEW.to_cluster, `team`, `reports` FROM `cluster_day_counts` WHERE `cluster_id` = NEW.from_cluster
  ON CONFLICT (`day`, `cluster_id`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
  DELETE FROM `cluster_day_counts` WHERE `cluster_id` = NEW.from_cluster;
END;
--> statement-breakpoint
DROP TRIGGER `cluster_day_counts_update`;
--> statement-breakpoint
CREATE TRIGGER `cluster_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `cluster_id`, `route_team` ON `reports`
WHEN ((OLD.status = 'filed' AND OLD.cluster_id IS NOT NULL) OR (NEW.status = 'filed' AND NEW.cluster_id IS NOT NULL)) AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral` WHERE `after_id` < NEW.id) AND (
  OLD.status IS NOT NEW.status OR (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) IS NOT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END) OR OLD.cluster_id IS NOT NEW.cluster_id OR OLD.route_team IS NOT NEW.route_team
) AND NOT EXISTS (SELECT 1 FROM `kept_counts_cluster_moves` WHERE `from_cluster` = OLD.cluster_id AND `to_cluster` = NEW.cluster_id) BEGIN
  UPDATE `cluster_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `cluster_day_counts`
   WHERE OLD.status = 'filed' AND `day` = (CASE WHEN substr(OLD.received_at, 12, 2) < '22' THEN substr(OLD.received_at, 1, 10) WHEN substr(OLD.received_at, 12, 2) = '23' OR (OLD.received_at >= date(substr(OLD.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND OLD.received_at < date(substr(OLD.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(OLD.received_at, 1, 10), '+1 days') ELSE substr(OLD.received_at, 1, 10) END) AND `cluster_id` = OLD.cluster_id AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
  INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
  SELECT (CASE WHEN substr(NEW.received_at, 12, 2) < '22' THEN substr(NEW.received_at, 1, 10) WHEN substr(NEW.received_at, 12, 2) = '23' OR (NEW.received_at >= date(substr(NEW.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND NEW.received_at < date(substr(NEW.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(NEW.received_at, 1, 10), '+1 days') ELSE substr(NEW.received_at, 1, 10) END), NEW.cluster_id, coalesce(NEW.route_team, ''), 1 WHERE NEW.status = 'filed' AND NEW.cluster_id IS NOT NULL
  ON CONFLICT (`day`, `cluster_id`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
