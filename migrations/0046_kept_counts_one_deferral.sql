-- One deferral of the overview's kept counts per import (issue 16): the import holds `kept_counts_deferral`'s row
-- from its first batch to its end (src-main/ingest/report-writer.ts), so revisions of reports an earlier batch of it
-- added pass the per-row triggers too, and its reports are counted once, grouped, when the row is deleted at its end
-- — or before anything reads or recounts the kept counts (the overview, `overview --rebuild`), or at the store's next
-- opening after a crash.
-- 1. At most one row: a second deferral's settling would count the reports above both marks twice.
-- 2. The audit chain's head trigger keyed on that row (0029): with the row held between an import's batches, the
--    head's copy would stand still while others append. It now stands aside only while the log's writer keeps the
--    head itself (`withHeadKept`, src-main/audit/audit-log.ts), by a mark of its own in store_meta that lives only
--    inside that writer's transaction.
CREATE UNIQUE INDEX `kept_counts_deferral_one` ON `kept_counts_deferral` ((0));
--> statement-breakpoint
DROP TRIGGER `audit_log_head_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_head_on_insert` AFTER INSERT ON `audit_log`
WHEN NEW.entry_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `store_meta` WHERE `key` = 'audit_head_kept') BEGIN
  INSERT INTO `store_meta` (`key`, `value`) VALUES ('audit_head', NEW.id || ':' || lower(hex(NEW.entry_hash)))
  ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
