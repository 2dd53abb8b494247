-- The audit log stays append-only; the one change allowed is chaining an entry of an older store once: setting
-- its entry_hash where there was none, and nothing else.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
  OLD.entry_hash IS NULL AND NEW.entry_hash IS NOT NULL AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor
  AND NEW.action = OLD.action AND NEW.subject_type = OLD.subject_type AND NEW.subject_id = OLD.subject_id AND NEW.details IS OLD.details
)
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
-- The chain's head (last id and hash) is also kept apart from the log, so a log cut short shows: `audit verify`
-- compares the last entry with it.
CREATE TRIGGER `audit_log_head_on_insert` AFTER INSERT ON `audit_log` WHEN NEW.entry_hash IS NOT NULL BEGIN
  INSERT INTO `store_meta` (`key`, `value`) VALUES ('audit_head', NEW.id || ':' || lower(hex(NEW.entry_hash)))
  ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_head_on_chain` AFTER UPDATE OF `entry_hash` ON `audit_log`
WHEN NEW.id = (SELECT max(`id`) FROM `audit_log`) BEGIN
  INSERT INTO `store_meta` (`key`, `value`) VALUES ('audit_head', NEW.id || ':' || lower(hex(NEW.entry_hash)))
  ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
END;
