-- The text index is written in leaves of 500 bytes instead of FTS5's default 4,050. With secure-delete (migration
-- 0012) FTS5 takes a revised or removed report's words out of the index's segments: for each word it steps through
-- the word's doclist in every segment up to the report's row id, and it can only jump where a doclist spans five
-- leaves or more and so has an index. With 4 KB leaves most words step through up to ~5,000 entries per segment:
-- at 100k reports a revision's delete cost ~6 ms, 40 % of the import's writing. With small leaves most doclists
-- get an index. New segments and merges are written in them; older segments as they are merged.
INSERT INTO `reports_fts`(`reports_fts`, `rank`) VALUES ('pgsz', 500);
