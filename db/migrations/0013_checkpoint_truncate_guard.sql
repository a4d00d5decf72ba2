-- Signed checkpoints and the keys that verify them are as append-only as the log they vouch for:
-- 0011 refuses UPDATE and DELETE row by row, but TRUNCATE fires no row trigger. Without this, the
-- owner could rewrite the log from some seq on and truncate the checkpoints signed after it.
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_immutable_change();
--> statement-breakpoint
CREATE TRIGGER signing_keys_no_truncate BEFORE TRUNCATE ON signing_keys
  FOR EACH STATEMENT EXECUTE FUNCTION attest_reject_immutable_change();
