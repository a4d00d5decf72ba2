CREATE TABLE "dataset_refs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"dataset_version" text,
	"uri" text,
	"content_hash" text
);
--> statement-breakpoint
CREATE TABLE "model_card_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"author_id" uuid,
	"author_email" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"changed_fields" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "experiment_ref" text;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "doc_percent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "doc_band" text DEFAULT 'empty' NOT NULL;--> statement-breakpoint
ALTER TABLE "dataset_refs" ADD CONSTRAINT "dataset_refs_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_card_revisions" ADD CONSTRAINT "model_card_revisions_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_refs_version_position_idx" ON "dataset_refs" USING btree ("version_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "model_card_revisions_version_revision_idx" ON "model_card_revisions" USING btree ("version_id","revision");--> statement-breakpoint
CREATE INDEX "model_card_revisions_author_idx" ON "model_card_revisions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "model_versions_stage_idx" ON "model_versions" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "models_business_unit_idx" ON "models" USING btree ("business_unit");--> statement-breakpoint
CREATE INDEX "models_doc_band_idx" ON "models" USING btree ("doc_band");--> statement-breakpoint
CREATE INDEX "models_name_idx" ON "models" USING btree ("name","id");