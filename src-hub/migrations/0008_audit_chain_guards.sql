-- Workstations' audit logs are append-only on the hub too: nothing updates or removes an entry once accepted.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
--> statement-breakpoint
-- Each chain's head, kept apart from its entries, so that `hub audit verify` sees a chain cut short.
CREATE FUNCTION audit_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_chain_heads (workstation_id, seq, entry_hash) VALUES (NEW.workstation_id, NEW.seq, NEW.entry_hash)
  ON CONFLICT (workstation_id) DO UPDATE SET seq = excluded.seq, entry_hash = excluded.entry_hash WHERE audit_chain_heads.seq < excluded.seq;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head AFTER INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_chain_head();
