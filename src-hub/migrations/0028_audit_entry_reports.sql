CREATE TABLE "audit_entry_reports" (
	"report_id" text NOT NULL,
	"workstation_id" text NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "audit_entry_reports_report_id_workstation_id_seq_pk" PRIMARY KEY("report_id","workstation_id","seq")
);
--> statement-breakpoint
-- Which intake batch entry names which report (review M2): a report's audit trail searched every batch entry's
-- details with strpos (~155 ms a question per station holding 1M reports). From now on a push fills the index as it
-- is accepted (src-hub/audit/intake-entry-reports.ts); here it is filled from the batch entries held: the ids their
-- details list under received, revised and withdrawn (shared/audit/intake-batch.ts) that are report ids (the only ids
-- the question takes: REPORT_ID_PATTERN), skipping details that are not JSON (a workstation's text is stored as it
-- hashed it) and the reports retention purged: their tombstone is the HMAC-SHA-256 of the id under purge_key
-- (src-hub/retention/tombstones.ts), computed here as RFC 2104 does.
-- Entries one a report (subject_type 'report') are found by their subject and need no index.
DO $$
DECLARE
  purge_secret bytea;
  inner_pad bytea := '';
  outer_pad bytea := '';
  key_byte integer;
  entry record;
  parsed jsonb;
BEGIN
  SELECT decode(key, 'base64') INTO purge_secret FROM purge_key WHERE id = 1;
  IF purge_secret IS NOT NULL THEN
    IF length(purge_secret) > 64 THEN purge_secret := sha256(purge_secret); END IF;
    FOR byte_index IN 0..63 LOOP
      key_byte := CASE WHEN byte_index < length(purge_secret) THEN get_byte(purge_secret, byte_index) ELSE 0 END;
      inner_pad := inner_pad || set_byte('\x00'::bytea, 0, key_byte # 54);
      outer_pad := outer_pad || set_byte('\x00'::bytea, 0, key_byte # 92);
    END LOOP;
  END IF;
  FOR entry IN
    SELECT e.workstation_id, e.seq, e.details FROM audit_entries e
    WHERE e.action = 'reports.received' AND e.subject_type = 'reports' AND e.subject_id = 'intake' AND e.details IS NOT NULL
  LOOP
    BEGIN
      parsed := entry.details::jsonb;
    EXCEPTION WHEN data_exception THEN
      CONTINUE;
    END;
    IF jsonb_typeof(parsed) <> 'object' THEN CONTINUE; END IF;
    INSERT INTO audit_entry_reports (report_id, workstation_id, seq)
    SELECT DISTINCT listed.item ->> 0, entry.workstation_id, entry.seq
    FROM unnest(ARRAY['received', 'revised', 'withdrawn']) AS outcome(name),
      LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(parsed -> outcome.name) = 'array' THEN parsed -> outcome.name ELSE '[]'::jsonb END) AS listed(item)
    WHERE jsonb_typeof(listed.item) = 'array' AND listed.item ->> 0 ~ '^IA-[0-9]{4}-[0-9]{7}$'
      AND (purge_secret IS NULL OR NOT EXISTS (
        SELECT 1 FROM purged_reports p
        WHERE p.report_key = rtrim(translate(encode(sha256(outer_pad || sha256(inner_pad || convert_to(listed.item ->> 0, 'UTF8'))), 'base64'), '+/', '-_'), '=')));
  END LOOP;
END $$;
