-- Each indicator's running totals (issue 16): the reports naming it (filed, not benign) and their loss over all
-- days and teams, and the first and last Dutch day it was named — the sums of its `indicator_day_counts` rows, so
-- that the harm ranking and the fresh brand domains read the few indicators that can matter instead of grouping
-- every indicator of their window (src-main/overview/indicator-totals.ts). Kept by triggers on `indicator_day_counts`
-- itself, like `open_report_counts` (0031), so every write that moves a day count (each report's own triggers, an
-- import batch's settling, a rebuild) moves it in the same statement. A row goes with its indicator's last day count.
CREATE TABLE `indicator_totals` (
	`indicator_id` integer PRIMARY KEY NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`reports` integer NOT NULL,
	`loss_cents` integer NOT NULL,
	`domain` integer NOT NULL
);
--> statement-breakpoint
-- The harm ranking's bound (harm.ts): no window's harm per day of the indicator exceeds (key + days) / days.
CREATE INDEX `indicator_totals_harm` ON `indicator_totals` ((2.0 * `loss_cents` * `reports` / (`reports` + 1) + `reports`), `last_day`, `first_day`);
--> statement-breakpoint
CREATE INDEX `indicator_totals_fresh_domains` ON `indicator_totals` (`first_day`) WHERE `domain` = 1;
--> statement-breakpoint
CREATE TRIGGER `indicator_day_counts_totals_insert` AFTER INSERT ON `indicator_day_counts` BEGIN
  INSERT INTO `indicator_totals` (`indicator_id`, `first_day`, `last_day`, `reports`, `loss_cents`, `domain`)
  VALUES (NEW.indicator_id, NEW.day, NEW.day, NEW.reports, NEW.loss_cents, coalesce((SELECT `type` = 'domain' FROM `indicators` WHERE `id` = NEW.indicator_id), 0))
  ON CONFLICT (`indicator_id`) DO UPDATE SET `reports` = `reports` + excluded.`reports`, `loss_cents` = `loss_cents` + excluded.`loss_cents`,
    `first_day` = min(`first_day`, excluded.`first_day`), `last_day` = max(`last_day`, excluded.`last_day`);
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_day_counts_totals_update` AFTER UPDATE OF `reports`, `loss_cents` ON `indicator_day_counts`
WHEN OLD.reports IS NOT NEW.reports OR OLD.loss_cents IS NOT NEW.loss_cents BEGIN
  UPDATE `indicator_totals` SET `reports` = `reports` + NEW.reports - OLD.reports, `loss_cents` = `loss_cents` + NEW.loss_cents - OLD.loss_cents
   WHERE `indicator_id` = NEW.indicator_id;
END;
--> statement-breakpoint
-- A day count goes when it reaches zero (or in a rebuild): the first or last day is looked up again only when it was that day.
CREATE TRIGGER `indicator_day_counts_totals_delete` AFTER DELETE ON `indicator_day_counts` BEGIN
  UPDATE `indicator_totals` SET `reports` = `reports` - OLD.reports, `loss_cents` = `loss_cents` - OLD.loss_cents,
    `first_day` = CASE WHEN `first_day` = OLD.day THEN coalesce((SELECT min(`day`) FROM `indicator_day_counts` WHERE `indicator_id` = OLD.indicator_id), `first_day`) ELSE `first_day` END,
    `last_day` = CASE WHEN `last_day` = OLD.day THEN coalesce((SELECT max(`day`) FROM `indicator_day_counts` WHERE `indicator_id` = OLD.indicator_id), `last_day`) ELSE `last_day` END
   WHERE `indicator_id` = OLD.indicator_id;
  DELETE FROM `indicator_totals` WHERE `indicator_id` = OLD.indicator_id AND NOT EXISTS (SELECT 1 FROM `indicator_day_counts` WHERE `indicator_id` = OLD.indicator_id);
END;
--> statement-breakpoint
-- Summed from the day counts an older store already keeps.
INSERT INTO `indicator_totals` (`indicator_id`, `first_day`, `last_day`, `reports`, `loss_cents`, `domain`)
SELECT d.indicator_id, min(d.day), max(d.day), sum(d.reports), sum(d.loss_cents), coalesce((SELECT i.type = 'domain' FROM `indicators` i WHERE i.id = d.indicator_id), 0)
  FROM `indicator_day_counts` d GROUP BY d.indicator_id;
