-- The backlog's open reports without their day (issue 16): filed reports not closed, by category, region, team and
-- assignee — the sums of `report_day_counts`' rows not closed, so the backlog reads these few hundred rows and only
-- the last weeks' day groups (src-main/overview/report-day-counts.ts) instead of a year of them. Kept by triggers on
-- `report_day_counts` itself, so every write that moves a day group (each report's own triggers, an import batch's
-- settling, a rebuild) moves it in the same statement. Without rowid, like the other kept counts; a row reaching zero goes.
CREATE TABLE `open_report_counts` (
	`category` text NOT NULL,
	`region` text NOT NULL,
	`team` text NOT NULL,
	`assignee` text NOT NULL,
	`reports` integer NOT NULL,
	PRIMARY KEY(`category`, `region`, `team`, `assignee`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `open_report_counts_insert` AFTER INSERT ON `report_day_counts` WHEN NEW.work_status <> 'closed' BEGIN
  INSERT INTO `open_report_counts` (`category`, `region`, `team`, `assignee`, `reports`) VALUES (NEW.category, NEW.region, NEW.team, NEW.assignee, NEW.reports)
  ON CONFLICT (`category`, `region`, `team`, `assignee`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
END;
--> statement-breakpoint
CREATE TRIGGER `open_report_counts_delete` AFTER DELETE ON `report_day_counts` WHEN OLD.work_status <> 'closed' AND OLD.reports <> 0 BEGIN
  UPDATE `open_report_counts` SET `reports` = `reports` - OLD.reports
   WHERE `category` = OLD.category AND `region` = OLD.region AND `team` = OLD.team AND `assignee` = OLD.assignee;
  DELETE FROM `open_report_counts` WHERE `category` = OLD.category AND `region` = OLD.region AND `team` = OLD.team AND `assignee` = OLD.assignee AND `reports` = 0;
END;
--> statement-breakpoint
-- The report triggers change only a group's counts; a change of its key columns is counted too (out of the old, into the new).
CREATE TRIGGER `open_report_counts_update` AFTER UPDATE OF `category`, `region`, `team`, `assignee`, `work_status`, `reports` ON `report_day_counts`
WHEN (OLD.work_status <> 'closed' OR NEW.work_status <> 'closed') AND (
  OLD.reports IS NOT NEW.reports OR OLD.category IS NOT NEW.category OR OLD.region IS NOT NEW.region OR OLD.team IS NOT NEW.team
  OR OLD.assignee IS NOT NEW.assignee OR OLD.work_status IS NOT NEW.work_status
) BEGIN
  UPDATE `open_report_counts` SET `reports` = `reports` - OLD.reports
   WHERE OLD.work_status <> 'closed' AND `category` = OLD.category AND `region` = OLD.region AND `team` = OLD.team AND `assignee` = OLD.assignee;
  INSERT INTO `open_report_counts` (`category`, `region`, `team`, `assignee`, `reports`) SELECT NEW.category, NEW.region, NEW.team, NEW.assignee, NEW.reports WHERE NEW.work_status <> 'closed' AND NEW.reports <> 0
  ON CONFLICT (`category`, `region`, `team`, `assignee`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
  DELETE FROM `open_report_counts` WHERE `category` = OLD.category AND `region` = OLD.region AND `team` = OLD.team AND `assignee` = OLD.assignee AND `reports` = 0;
END;
--> statement-breakpoint
-- Counted from the day groups an older store already keeps.
INSERT INTO `open_report_counts` (`category`, `region`, `team`, `assignee`, `reports`)
SELECT `category`, `region`, `team`, `assignee`, sum(`reports`) FROM `report_day_counts` WHERE `work_status` <> 'closed'
 GROUP BY 1, 2, 3, 4 HAVING sum(`reports`) <> 0;
