CREATE TABLE "obligation_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"obligation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"url" text,
	"file_name" text,
	"content_type" text,
	"size_bytes" integer,
	"sha256" text,
	"content" "bytea",
	"added_by" uuid,
	"added_by_email" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"article" text NOT NULL,
	"title" text NOT NULL,
	"checklist" jsonb NOT NULL,
	"applies_from" date NOT NULL,
	"legal_status" text NOT NULL,
	"applicable" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"position" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_classifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"ruleset_version" text NOT NULL,
	"answers" jsonb NOT NULL,
	"computed_tier" text NOT NULL,
	"flags" jsonb NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"obligations" jsonb NOT NULL,
	"rationale" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"final_tier" text,
	"override_justification" text,
	"proposed_by" uuid,
	"proposed_by_email" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_by_email" text,
	"decided_at" timestamp with time zone,
	"needs_review" boolean DEFAULT false NOT NULL,
	"needs_review_reason" text
);
--> statement-breakpoint
ALTER TABLE "obligation_evidence" ADD CONSTRAINT "obligation_evidence_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_evidence" ADD CONSTRAINT "obligation_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_classifications" ADD CONSTRAINT "risk_classifications_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_classifications" ADD CONSTRAINT "risk_classifications_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_classifications" ADD CONSTRAINT "risk_classifications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "obligation_evidence_obligation_idx" ON "obligation_evidence" USING btree ("obligation_id");--> statement-breakpoint
CREATE INDEX "obligations_model_idx" ON "obligations" USING btree ("model_id","position");--> statement-breakpoint
CREATE INDEX "risk_classifications_model_idx" ON "risk_classifications" USING btree ("model_id","proposed_at");--> statement-breakpoint
-- Evidence is part of what approvals bind to: added, never edited or removed.
CREATE TRIGGER obligation_evidence_no_update_delete BEFORE UPDATE OR DELETE ON obligation_evidence
  FOR EACH ROW EXECUTE FUNCTION attest_reject_immutable_change();
