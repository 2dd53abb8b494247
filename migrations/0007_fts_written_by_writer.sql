-- The report writer indexes summary and narrative itself (src-main/search/report-text-index.ts). A statement that
-- fires a trigger runs in a statement journal, and FTS5 writes its pending index at every such savepoint: one tiny
-- segment per imported report, merged over and over. The index content stays the same; deleting keeps its trigger.
DROP TRIGGER IF EXISTS `reports_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `reports_fts_update`;
