-- The overview's per-day counts of filed reports (src-main/overview/report-day-counts.ts), kept by every write to
-- `reports`: a filed report adds itself to its group, leaving (deleted, withdrawn, moved to another day, category,
-- region, team, assignee or work status, loss changed) takes itself out; a group that reaches zero goes.
CREATE TRIGGER `report_day_counts_insert` AFTER INSERT ON `reports` WHEN NEW.status = 'filed' BEGIN
  INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
  VALUES (substr(NEW.received_at, 1, 10), NEW.category, coalesce(NEW.region, ''), coalesce(NEW.route_team, ''), coalesce(NEW.assignee, ''), NEW.work_status, 1, NEW.loss_cents)
  ON CONFLICT (`day`, `category`, `region`, `team`, `assignee`, `work_status`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
END;
--> statement-breakpoint
CREATE TRIGGER `report_day_counts_delete` AFTER DELETE ON `reports` WHEN OLD.status = 'filed' BEGIN
  UPDATE `report_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - OLD.loss_cents
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `category` = OLD.category AND `region` = coalesce(OLD.region, '')
     AND `team` = coalesce(OLD.route_team, '') AND `assignee` = coalesce(OLD.assignee, '') AND `work_status` = OLD.work_status;
  DELETE FROM `report_day_counts`
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `category` = OLD.category AND `region` = coalesce(OLD.region, '')
     AND `team` = coalesce(OLD.route_team, '') AND `assignee` = coalesce(OLD.assignee, '') AND `work_status` = OLD.work_status AND `reports` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `report_day_counts_update` AFTER UPDATE OF `status`, `received_at`, `category`, `region`, `route_team`, `assignee`, `work_status`, `loss_cents` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND (
  OLD.status IS NOT NEW.status OR substr(OLD.received_at, 1, 10) IS NOT substr(NEW.received_at, 1, 10) OR OLD.category IS NOT NEW.category
  OR OLD.region IS NOT NEW.region OR OLD.route_team IS NOT NEW.route_team OR OLD.assignee IS NOT NEW.assignee
  OR OLD.work_status IS NOT NEW.work_status OR OLD.loss_cents IS NOT NEW.loss_cents
) BEGIN
  UPDATE `report_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - OLD.loss_cents
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `category` = OLD.category AND `region` = coalesce(OLD.region, '')
     AND `team` = coalesce(OLD.route_team, '') AND `assignee` = coalesce(OLD.assignee, '') AND `work_status` = OLD.work_status;
  DELETE FROM `report_day_counts`
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `category` = OLD.category AND `region` = coalesce(OLD.region, '')
     AND `team` = coalesce(OLD.route_team, '') AND `assignee` = coalesce(OLD.assignee, '') AND `work_status` = OLD.work_status AND `reports` = 0;
  INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
  SELECT substr(NEW.received_at, 1, 10), NEW.category, coalesce(NEW.region, ''), coalesce(NEW.route_team, ''), coalesce(NEW.assignee, ''), NEW.work_status, 1, NEW.loss_cents
   WHERE NEW.status = 'filed'
  ON CONFLICT (`day`, `category`, `region`, `team`, `assignee`, `work_status`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
END;
--> statement-breakpoint
-- Stores from before: their reports counted once.
INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
SELECT substr(`received_at`, 1, 10), `category`, coalesce(`region`, ''), coalesce(`route_team`, ''), coalesce(`assignee`, ''), `work_status`, count(*), sum(`loss_cents`)
  FROM `reports` WHERE `status` = 'filed'
 GROUP BY 1, 2, 3, 4, 5, 6;
