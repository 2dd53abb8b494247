-- The harm ranking's index (0037) without `first_day` (issue 13: the store's size). The ranking reads it highest key
-- first and skips the indicators not named since the window began by `last_day`, from the index alone; only those it
-- reads further (a page of a few hundred) have their `first_day` looked up in the row, as their window's sums are.
-- 10 bytes an indicator, some 17 bytes a report.
DROP INDEX `indicator_totals_harm`;
--> statement-breakpoint
CREATE INDEX `indicator_totals_harm` ON `indicator_totals` ((2.0 * `loss_cents` * `reports` / (`reports` + 1) + `reports`), `last_day`);
