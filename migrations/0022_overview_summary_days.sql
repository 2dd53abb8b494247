-- The overview's filed reports per day, summary and team (src-main/overview/summary-day-counts.ts): rising terms
-- tokenise each distinct summary of their two weeks once, read from these rows instead of every report. The
-- summary is the report's own text, so a row lives exactly as long as a filed report with that summary: kept by
-- triggers on `reports`, it goes with the last such report (withdrawn, purged, revised to other words).
CREATE TABLE `summary_day_counts` (
	`day` text NOT NULL,
	`summary` text NOT NULL,
	`team` text NOT NULL,
	`reports` integer NOT NULL,
	PRIMARY KEY(`day`, `summary`, `team`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `summary_day_counts_insert` AFTER INSERT ON `reports` WHEN NEW.status = 'filed' AND NEW.summary IS NOT NULL BEGIN
  INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`) VALUES (substr(NEW.received_at, 1, 10), NEW.summary, coalesce(NEW.route_team, ''), 1)
  ON CONFLICT (`day`, `summary`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `summary_day_counts_delete` AFTER DELETE ON `reports` WHEN OLD.status = 'filed' AND OLD.summary IS NOT NULL BEGIN
  UPDATE `summary_day_counts` SET `reports` = `reports` - 1
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `summary_day_counts`
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `summary_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `summary`, `route_team` ON `reports`
WHEN ((OLD.status = 'filed' AND OLD.summary IS NOT NULL) OR (NEW.status = 'filed' AND NEW.summary IS NOT NULL)) AND (
  OLD.status IS NOT NEW.status OR substr(OLD.received_at, 1, 10) IS NOT substr(NEW.received_at, 1, 10)
  OR OLD.summary IS NOT NEW.summary OR OLD.route_team IS NOT NEW.route_team
) BEGIN
  UPDATE `summary_day_counts` SET `reports` = `reports` - 1
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '');
  DELETE FROM `summary_day_counts`
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `summary` = OLD.summary AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0;
  INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`)
  SELECT substr(NEW.received_at, 1, 10), NEW.summary, coalesce(NEW.route_team, ''), 1 WHERE NEW.status = 'filed' AND NEW.summary IS NOT NULL
  ON CONFLICT (`day`, `summary`, `team`) DO UPDATE SET `reports` = `reports` + 1;
END;
--> statement-breakpoint
-- Stores from before: their reports counted once.
INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`)
SELECT substr(`received_at`, 1, 10), `summary`, coalesce(`route_team`, ''), count(*) FROM `reports`
 WHERE `status` = 'filed' AND `summary` IS NOT NULL
 GROUP BY 1, 2, 3;
