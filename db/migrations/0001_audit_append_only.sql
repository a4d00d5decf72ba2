-- The audit log is append-only on every database Attest runs on (PGlite and PostgreSQL).
-- A superuser can still disable these triggers; verification of the hash chain catches that.
CREATE OR REPLACE FUNCTION attest_reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION attest_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_audit_change();
--> statement-breakpoint
-- The head row starts the chain at seq 0 with the all-zero hash (the genesis prev_hash).
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
