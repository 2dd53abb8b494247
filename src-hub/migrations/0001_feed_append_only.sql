-- The feed is append-only: readers' cursors are sequence numbers, so an entry that changed or vanished
-- after it was read would silently diverge workstations. Entries are materialized at read time (redaction
-- changes report_revisions, never the feed), so nothing ever needs to update or delete a feed row.
CREATE FUNCTION feed_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the feed is append-only (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER feed_append_only BEFORE UPDATE OR DELETE ON feed FOR EACH STATEMENT EXECUTE FUNCTION feed_append_only();
