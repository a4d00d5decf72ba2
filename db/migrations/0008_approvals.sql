CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"environment" text NOT NULL,
	"strategy" text DEFAULT 'direct' NOT NULL,
	"deployed_by" uuid,
	"deployed_by_email" text NOT NULL,
	"token_id" uuid,
	"dossier_hash" text NOT NULL,
	"deployed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_request_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"approver_id" uuid NOT NULL,
	"approver_email" text NOT NULL,
	"approver_roles" text[] NOT NULL,
	"dossier_hash" text NOT NULL,
	"dossier" jsonb NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invalidated_at" timestamp with time zone,
	"invalidated_by_change" text,
	"invalidation_seq" integer
);
--> statement-breakpoint
CREATE TABLE "review_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"submitted_by" uuid,
	"submitted_by_email" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dossier_hash" text NOT NULL,
	"dossier" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "next_review_due" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "left_service_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "retention_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "retired_reason" text;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_review_request_id_review_requests_id_fk" FOREIGN KEY ("review_request_id") REFERENCES "public"."review_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deployments_version_idx" ON "deployments" USING btree ("version_id","deployed_at");--> statement-breakpoint
CREATE INDEX "review_decisions_version_idx" ON "review_decisions" USING btree ("version_id","decided_at");--> statement-breakpoint
CREATE INDEX "review_decisions_request_idx" ON "review_decisions" USING btree ("review_request_id");--> statement-breakpoint
CREATE INDEX "review_requests_version_idx" ON "review_requests" USING btree ("version_id","submitted_at");--> statement-breakpoint
CREATE INDEX "review_requests_status_idx" ON "review_requests" USING btree ("status","submitted_at");--> statement-breakpoint
-- Deployments are the record of what ran where: written once, never changed or removed.
CREATE TRIGGER deployments_no_update_delete BEFORE UPDATE OR DELETE ON deployments
  FOR EACH ROW EXECUTE FUNCTION attest_reject_immutable_change();
--> statement-breakpoint
-- A decision is evidence: never removed, and never changed except that it may be invalidated
-- once (invalidated_at, invalidated_by_change) and then linked to its audit event (invalidation_seq).
CREATE OR REPLACE FUNCTION attest_review_decision_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'review_decisions rows are immutable: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.review_request_id, NEW.version_id, NEW.decision, NEW.comment, NEW.approver_id, NEW.approver_email,
      NEW.approver_roles, NEW.dossier_hash, NEW.dossier, NEW.decided_at)
     IS DISTINCT FROM
     (OLD.id, OLD.review_request_id, OLD.version_id, OLD.decision, OLD.comment, OLD.approver_id, OLD.approver_email,
      OLD.approver_roles, OLD.dossier_hash, OLD.dossier, OLD.decided_at)
     OR (OLD.invalidated_at IS NOT NULL AND (NEW.invalidated_at, NEW.invalidated_by_change) IS DISTINCT FROM (OLD.invalidated_at, OLD.invalidated_by_change))
     OR (OLD.invalidation_seq IS NOT NULL AND NEW.invalidation_seq IS DISTINCT FROM OLD.invalidation_seq)
     OR (NEW.invalidated_at IS NULL AND (NEW.invalidated_by_change IS NOT NULL OR NEW.invalidation_seq IS NOT NULL)) THEN
    RAISE EXCEPTION 'review_decisions rows are immutable: only an invalidation may be recorded, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER review_decisions_guard BEFORE UPDATE OR DELETE ON review_decisions
  FOR EACH ROW EXECUTE FUNCTION attest_review_decision_guard();
--> statement-breakpoint
CREATE TRIGGER review_requests_no_delete BEFORE DELETE ON review_requests
  FOR EACH ROW EXECUTE FUNCTION attest_reject_immutable_change();
