-- The overview's filed reports per day, indicator and team (src-main/overview/indicator-day-counts.ts): a report counts
-- once for each indicator it names that is not benign, with its loss. Spikes, the harm ranking and fresh brand
-- domains read these rows instead of joining every report of their windows with its mentions. Without rowid (which
-- drizzle cannot declare, hence not in schema.ts): a window of days is one range of the primary key.
CREATE TABLE `indicator_day_counts` (
	`day` text NOT NULL,
	`indicator_id` integer NOT NULL,
	`team` text NOT NULL,
	`reports` integer NOT NULL,
	`loss_cents` integer NOT NULL,
	PRIMARY KEY(`day`, `indicator_id`, `team`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `indicator_day_counts_indicator` ON `indicator_day_counts` (`indicator_id`, `day`);
--> statement-breakpoint
-- Kept by every write: a report's (report, indicator) pair counts while the report is filed and at least one of its
-- mentions of the indicator is not benign. A mention arriving, leaving or changing its benign mark adds or takes
-- out the pair only when it is the pair's first or last such mention; a report moving (withdrawn, another day,
-- team or loss) moves all its pairs. A group that reaches zero goes.
CREATE TRIGGER `indicator_day_counts_mention_insert` AFTER INSERT ON `mentions` WHEN NEW.benign = 0 BEGIN
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT substr(r.received_at, 1, 10), NEW.indicator_id, coalesce(r.route_team, ''), 1, r.loss_cents FROM `reports` r
   WHERE r.id = NEW.report_id AND r.status = 'filed'
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = NEW.report_id AND m.indicator_id = NEW.indicator_id AND m.field <> NEW.field AND m.benign = 0)
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_day_counts_mention_delete` AFTER DELETE ON `mentions` WHEN OLD.benign = 0 BEGIN
  UPDATE `indicator_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - (SELECT loss_cents FROM `reports` WHERE id = OLD.report_id)
   WHERE `indicator_id` = OLD.indicator_id
     AND `day` = (SELECT substr(received_at, 1, 10) FROM `reports` WHERE id = OLD.report_id AND status = 'filed')
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = OLD.report_id AND m.indicator_id = OLD.indicator_id AND m.benign = 0);
  DELETE FROM `indicator_day_counts`
   WHERE `indicator_id` = OLD.indicator_id AND `reports` = 0
     AND `day` = (SELECT substr(received_at, 1, 10) FROM `reports` WHERE id = OLD.report_id)
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id);
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_day_counts_mention_benign` AFTER UPDATE OF `benign` ON `mentions` WHEN OLD.benign IS NOT NEW.benign BEGIN
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT substr(r.received_at, 1, 10), NEW.indicator_id, coalesce(r.route_team, ''), 1, r.loss_cents FROM `reports` r
   WHERE NEW.benign = 0 AND r.id = NEW.report_id AND r.status = 'filed'
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = NEW.report_id AND m.indicator_id = NEW.indicator_id AND m.field <> NEW.field AND m.benign = 0)
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  UPDATE `indicator_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - (SELECT loss_cents FROM `reports` WHERE id = OLD.report_id)
   WHERE OLD.benign = 0 AND `indicator_id` = OLD.indicator_id
     AND `day` = (SELECT substr(received_at, 1, 10) FROM `reports` WHERE id = OLD.report_id AND status = 'filed')
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id)
     AND NOT EXISTS (SELECT 1 FROM `mentions` m WHERE m.report_id = OLD.report_id AND m.indicator_id = OLD.indicator_id AND m.benign = 0);
  DELETE FROM `indicator_day_counts`
   WHERE OLD.benign = 0 AND `indicator_id` = OLD.indicator_id AND `reports` = 0
     AND `day` = (SELECT substr(received_at, 1, 10) FROM `reports` WHERE id = OLD.report_id)
     AND `team` = (SELECT coalesce(route_team, '') FROM `reports` WHERE id = OLD.report_id);
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_day_counts_report_update` AFTER UPDATE OF `status`, `received_at`, `route_team`, `loss_cents` ON `reports`
WHEN (OLD.status = 'filed' OR NEW.status = 'filed') AND (
  OLD.status IS NOT NEW.status OR substr(OLD.received_at, 1, 10) IS NOT substr(NEW.received_at, 1, 10)
  OR OLD.route_team IS NOT NEW.route_team OR OLD.loss_cents IS NOT NEW.loss_cents
) BEGIN
  UPDATE `indicator_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - OLD.loss_cents
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `team` = coalesce(OLD.route_team, '')
     AND `indicator_id` IN (SELECT indicator_id FROM `mentions` WHERE report_id = OLD.id AND benign = 0);
  DELETE FROM `indicator_day_counts`
   WHERE OLD.status = 'filed' AND `day` = substr(OLD.received_at, 1, 10) AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0
     AND `indicator_id` IN (SELECT indicator_id FROM `mentions` WHERE report_id = OLD.id AND benign = 0);
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT DISTINCT substr(NEW.received_at, 1, 10), indicator_id, coalesce(NEW.route_team, ''), 1, NEW.loss_cents FROM `mentions`
   WHERE NEW.status = 'filed' AND report_id = NEW.id AND benign = 0
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + 1, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
END;
--> statement-breakpoint
-- A filed report deleted with its mentions still in place (the purge deletes them first): before the cascade takes
-- them, when the mentions' own trigger could no longer find the report's day.
CREATE TRIGGER `indicator_day_counts_report_delete` BEFORE DELETE ON `reports` WHEN OLD.status = 'filed' BEGIN
  UPDATE `indicator_day_counts` SET `reports` = `reports` - 1, `loss_cents` = `loss_cents` - OLD.loss_cents
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `team` = coalesce(OLD.route_team, '')
     AND `indicator_id` IN (SELECT indicator_id FROM `mentions` WHERE report_id = OLD.id AND benign = 0);
  DELETE FROM `indicator_day_counts`
   WHERE `day` = substr(OLD.received_at, 1, 10) AND `team` = coalesce(OLD.route_team, '') AND `reports` = 0
     AND `indicator_id` IN (SELECT indicator_id FROM `mentions` WHERE report_id = OLD.id AND benign = 0);
END;
--> statement-breakpoint
-- Stores from before: their pairs counted once.
INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
SELECT substr(r.received_at, 1, 10), p.indicator_id, coalesce(r.route_team, ''), count(*), sum(r.loss_cents)
  FROM (SELECT DISTINCT report_id, indicator_id FROM `mentions` WHERE benign = 0) p JOIN `reports` r ON r.id = p.report_id
 WHERE r.status = 'filed'
 GROUP BY 1, 2, 3;
