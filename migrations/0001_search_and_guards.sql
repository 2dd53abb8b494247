-- Full-text search over what the citizen wrote. External content (no second copy of the text);
-- unicode61 with diacritics removed so "financiele" finds "financiële". Partial words are served by prefix queries.
CREATE VIRTUAL TABLE `reports_fts` USING fts5(summary, narrative, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
-- Index what an older store already holds.
INSERT INTO `reports_fts`(`reports_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `reports_fts_insert` AFTER INSERT ON `reports` BEGIN
  INSERT INTO `reports_fts`(rowid, summary, narrative) VALUES (new.id, new.summary, new.narrative);
END;
--> statement-breakpoint
-- Only text changes touch the index: cluster and workflow updates must stay cheap.
CREATE TRIGGER `reports_fts_update` AFTER UPDATE OF summary, narrative ON `reports` BEGIN
  INSERT INTO `reports_fts`(`reports_fts`, rowid, summary, narrative) VALUES ('delete', old.id, old.summary, old.narrative);
  INSERT INTO `reports_fts`(rowid, summary, narrative) VALUES (new.id, new.summary, new.narrative);
END;
--> statement-breakpoint
CREATE TRIGGER `reports_fts_delete` AFTER DELETE ON `reports` BEGIN
  INSERT INTO `reports_fts`(`reports_fts`, rowid, summary, narrative) VALUES ('delete', old.id, old.summary, old.narrative);
END;
--> statement-breakpoint
-- The audit log is append-only: history that can be rewritten proves nothing.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
