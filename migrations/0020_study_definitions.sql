CREATE TABLE "study_definitions" (
	"version" integer PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"reason" text NOT NULL,
	"diff" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	CONSTRAINT "study_definitions_version_positive" CHECK ("study_definitions"."version" >= 1),
	CONSTRAINT "study_definitions_definition_object" CHECK (jsonb_typeof("study_definitions"."definition") = 'object')
);
--> statement-breakpoint
ALTER TABLE "form_records" ADD COLUMN "definition_version" integer DEFAULT 1 NOT NULL;