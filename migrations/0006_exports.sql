CREATE TABLE "exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'started' NOT NULL,
	"blinded" boolean NOT NULL,
	"filters" jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"row_count" integer,
	"byte_count" bigint,
	"sha256" text,
	"audit_head" jsonb NOT NULL,
	"manifest" jsonb NOT NULL,
	CONSTRAINT "exports_format_check" CHECK ("exports"."format" in ('wide_csv', 'long_csv', 'dictionary_csv', 'dictionary_md', 'odm_xml')),
	CONSTRAINT "exports_status_check" CHECK ("exports"."status" in ('started', 'completed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exports_user_idx" ON "exports" USING btree ("user_id","started_at" DESC NULLS LAST);