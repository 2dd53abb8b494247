-- The text index keeps which words each column holds, not where (detail=column): about 40 % of its bytes. Every
-- search word is a single word of the index (src-main/search/search-words.ts), so no query needs positions; bm25
-- ranks by which columns hold a word, not how often. Rebuilt from the report rows (external content), secure-delete
-- as before (migration 0012).
DROP TABLE `reports_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `reports_fts` USING fts5(summary, narrative, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=column);
--> statement-breakpoint
INSERT INTO `reports_fts`(`reports_fts`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO `reports_fts`(`reports_fts`) VALUES ('rebuild');
