-- Card revisions are the evidence approvals bind to: once written, never changed or removed.
CREATE OR REPLACE FUNCTION attest_reject_immutable_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER model_card_revisions_no_update_delete BEFORE UPDATE OR DELETE ON model_card_revisions
  FOR EACH ROW EXECUTE FUNCTION attest_reject_immutable_change();
