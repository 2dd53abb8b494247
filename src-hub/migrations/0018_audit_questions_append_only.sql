-- Who asked the workstations' audit logs what is itself an audit log: nothing updates or removes a question once logged.
CREATE TRIGGER audit_questions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_questions FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
