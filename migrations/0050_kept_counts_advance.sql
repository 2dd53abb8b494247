-- The import counts its reports for the overview while it waits for its next prepared batch (issue 16: the import
-- with the overview's kept counts >= 95 % of the same import without them). Its deferral's settle grouped up to 50k
-- reports at once on the writer's thread, while the preparer, two batches ahead, soon had nothing left to prepare:
-- the import's wall time took the settle's whole time. Raising the deferral's mark now counts the reports it passes —
-- above the old mark, up to the new — as the settle counts those above the mark (migration 0049); the writer raises
-- it a slice at a time in its held transaction while it would otherwise wait, and the triggers keep the reports under
-- the mark, as after a settle. The settle (deleting the deferral) counts what is left.
CREATE TRIGGER `kept_day_counts_advance` AFTER UPDATE OF `after_id` ON `kept_counts_deferral` WHEN NEW.after_id > OLD.after_id BEGIN
  INSERT INTO `kept_counts_settling_reports` (`id`, `day`, `team`, `loss_cents`, `category`, `region`, `assignee`, `work_status`, `cluster_id`, `summary`)
  SELECT `id`, (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END), coalesce(`route_team`, ''), `loss_cents`, `category`, coalesce(`region`, ''), coalesce(`assignee`, ''), `work_status`, `cluster_id`, `summary`
    FROM `reports` WHERE id > OLD.after_id AND id <= NEW.after_id AND +`status` = 'filed';
  INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
  SELECT `day`, `category`, `region`, `team`, `assignee`, `work_status`, count(*), sum(`loss_cents`) FROM `kept_counts_settling_reports`
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (`day`, `category`, `region`, `team`, `assignee`, `work_status`) DO UPDATE SET `reports` = `reports` + excluded.`reports`, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT OR IGNORE INTO `kept_counts_settling` (`report_id`, `indicator_id`)
  SELECT `report_id`, `indicator_id` FROM `mentions` WHERE `report_id` > OLD.after_id AND `report_id` <= NEW.after_id AND +`benign` = 0;
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT r.day, s.indicator_id, r.team, count(*), sum(r.loss_cents)
    FROM `kept_counts_settling` s CROSS JOIN `kept_counts_settling_reports` r ON r.id = s.report_id
   GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT r.day, p.kind, p.shape, r.team, count(*)
    FROM (SELECT DISTINCT s.report_id, o.kind, o.shape FROM `kept_counts_settling` s CROSS JOIN `indicator_shapes` o ON o.id = s.indicator_id) p
    CROSS JOIN `kept_counts_settling_reports` r ON r.id = p.report_id
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (`day`, `kind`, `shape`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
  INSERT INTO `cluster_day_counts` (`day`, `cluster_id`, `team`, `reports`)
  SELECT `day`, `cluster_id`, `team`, count(*) FROM `kept_counts_settling_reports` WHERE `cluster_id` IS NOT NULL
   GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `cluster_id`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
  INSERT INTO `summary_day_counts` (`day`, `summary`, `team`, `reports`)
  SELECT `day`, `summary`, `team`, count(*) FROM `kept_counts_settling_reports` WHERE `summary` IS NOT NULL
   GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `summary`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`;
  DELETE FROM `kept_counts_settling`;
  DELETE FROM `kept_counts_settling_reports`;
END;
