-- The import writes one audit entry a report inside its batch's transaction, while `kept_counts_deferral` holds the
-- batch's row (migration 0026). Meanwhile the chain's head in store_meta is not rewritten per entry: the log's
-- writer sets it once, to the batch's last entry, at the end of the batch (withHeadKept, src-main/audit/audit-log.ts).
-- Every other append still moves the head through this trigger.
DROP TRIGGER `audit_log_head_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_head_on_insert` AFTER INSERT ON `audit_log`
WHEN NEW.entry_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `kept_counts_deferral`) BEGIN
  INSERT INTO `store_meta` (`key`, `value`) VALUES ('audit_head', NEW.id || ':' || lower(hex(NEW.entry_hash)))
  ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
