-- The feed stays append-only, with one exception: a retention run (src-hub/retention) deletes the entries of the
-- reports whose retention period is over, and of the mutations about them alone. It says so for its own
-- transaction only (set_config('puzzelstuk.retention_purge', 'on', true)); every other update or delete is refused.
CREATE OR REPLACE FUNCTION feed_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('puzzelstuk.retention_purge', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'the feed is append-only (% refused)', TG_OP;
END;
$$;
