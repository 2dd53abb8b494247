-- The settle's pairs of a report and an indicator it names, made once (issue 16: the import with the overview's kept
-- counts ≥ 95 % of the same import without them). The indicator counts and the shape counts each made the distinct
-- pairs from every mention (not benign) of the reports they count: two temporary B-trees over the same mentions,
-- about twice as many as the pairs (an indicator named in several fields). The settle now inserts the pairs once into
-- `kept_counts_settling`, keyed by them (a repeated pair is ignored; in report order, so appended), counts both from
-- it and empties it: the table holds rows only inside a settle's statement. A trigger cannot write a TEMP table.
CREATE TABLE `kept_counts_settling` (
	`report_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	PRIMARY KEY (`report_id`, `indicator_id`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP TRIGGER `kept_day_counts_settle`;
--> statement-breakpoint
CREATE TRIGGER `kept_day_counts_settle` AFTER DELETE ON `kept_counts_deferral` BEGIN
  INSERT INTO `report_day_counts` (`day`, `category`, `region`, `team`, `assignee`, `work_status`, `reports`, `loss_cents`)
  SELECT (CASE WHEN substr(received_at, 12, 2) < '22' THEN substr(received_at, 1, 10) WHEN substr(received_at, 12, 2) = '23' OR (received_at >= date(substr(received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND received_at < date(substr(received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(received_at, 1, 10), '+1 days') ELSE substr(received_at, 1, 10) END), category, coalesce(region, ''), coalesce(route_team, ''), coalesce(assignee, ''), work_status, count(*), sum(loss_cents)
    FROM `reports` WHERE id > OLD.after_id AND +`status` = 'filed'
   GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (`day`, `category`, `region`, `team`, `assignee`, `work_status`) DO UPDATE SET `reports` = `reports` + excluded.`reports`, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT OR IGNORE INTO `kept_counts_settling` (`report_id`, `indicator_id`)
  SELECT `report_id`, `indicator_id` FROM `mentions` WHERE `report_id` > OLD.after_id AND +`benign` = 0;
  INSERT INTO `indicator_day_counts` (`day`, `indicator_id`, `team`, `reports`, `loss_cents`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), s.indicator_id, coalesce(r.route_team, ''), count(*), sum(r.loss_cents)
    FROM `kept_counts_settling` s CROSS JOIN `reports` r ON r.id = s.report_id
   WHERE +r.status = 'filed'
   GROUP BY 1, 2, 3
  ON CONFLICT (`day`, `indicator_id`, `team`) DO UPDATE SET `reports` = `reports` + excluded.`reports`, `loss_cents` = `loss_cents` + excluded.`loss_cents`;
  INSERT INTO `shape_day_counts` (`day`, `kind`, `shape`, `team`, `reports`)
  SELECT (CASE WHEN substr(r.received_at, 12, 2) < '22' THEN substr(r.received_at, 1, 10) WHEN substr(r.received_at, 12, 2) = '23' OR (r.received_at >= date(substr(r.received_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00' AND r.received_at < date(substr(r.received_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00') THEN date(substr(r.received_at, 1, 10), '+1 days') ELSE substr(r.received_at, 1, 10) END), p.kind, p.shape, coalesce(r.route_team, ''), count(*)
    FROM (SELECT DISTINCT s.report_id, o.kind, o.shape FROM `kept_counts_settling` s CROSS JOIN `indicator_shapes` o ON o.id = s.indicator_id) p
    CROSS JOIN `reports` r ON r.id = p.report_id
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
  DELETE FROM `kept_counts_settling`;
END;
