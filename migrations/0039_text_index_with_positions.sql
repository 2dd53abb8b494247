-- The text index keeps each word's positions again (detail=full, as before 0028). bm25 counts how often a row holds
-- each word: without positions in the index, FTS5 reads every ranked report's summary and narrative and tokenizes them
-- again to count, 2,000 reports a ranking tier, which took a third of a search's time at a million reports. The
-- counts, and so the scores and the order of every search, are the same. Rebuilt from the report rows (external
-- content), secure-delete (0012) and 500-byte leaves (0032) as before.
DROP TABLE `reports_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `reports_fts` USING fts5(summary, narrative, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `reports_fts`(`reports_fts`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO `reports_fts`(`reports_fts`, `rank`) VALUES ('pgsz', 500);
--> statement-breakpoint
INSERT INTO `reports_fts`(`reports_fts`) VALUES ('rebuild');
