-- Removed reports leave the text index at once: with FTS5's secure-delete a deleted row's terms are taken out of
-- the index's segments (not merely marked deleted until a merge), and PRAGMA secure_delete zeroes the freed space.
-- The optimize merges away what withdrawals left in the index before this migration.
INSERT INTO `reports_fts`(`reports_fts`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO `reports_fts`(`reports_fts`) VALUES ('optimize');
