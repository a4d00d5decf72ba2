CREATE TABLE "issued_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"model_version_id" uuid,
	"model_slug" text,
	"version_label" text,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"issued_by" uuid,
	"issued_by_email" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"audit_seq" bigint NOT NULL,
	CONSTRAINT "issued_documents_audit_seq_unique" UNIQUE("audit_seq")
);
--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issued_documents_sha256_idx" ON "issued_documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "issued_documents_version_idx" ON "issued_documents" USING btree ("model_version_id","issued_at");--> statement-breakpoint
CREATE INDEX "issued_documents_issued_at_idx" ON "issued_documents" USING btree ("issued_at");--> statement-breakpoint
-- The register of issued documents is evidence: written once, never changed or removed.
CREATE TRIGGER issued_documents_no_update_delete BEFORE UPDATE OR DELETE ON issued_documents
  FOR EACH ROW EXECUTE FUNCTION attest_reject_immutable_change();
