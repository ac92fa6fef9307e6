CREATE TABLE "closeout_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"site_id" uuid,
	"participant_id" uuid,
	"as_of" timestamp with time zone NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'started' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"sha256" text,
	"byte_count" bigint,
	"manifest" jsonb,
	CONSTRAINT "closeout_files_kind_check" CHECK ("closeout_files"."kind" in ('casebook', 'site_casebooks', 'final_bundle')),
	CONSTRAINT "closeout_files_status_check" CHECK ("closeout_files"."status" in ('started', 'completed', 'failed')),
	CONSTRAINT "closeout_files_language_check" CHECK ("closeout_files"."language" in ('en', 'tr'))
);
--> statement-breakpoint
ALTER TABLE "closeout_files" ADD CONSTRAINT "closeout_files_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeout_files" ADD CONSTRAINT "closeout_files_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "closeout_files_user_idx" ON "closeout_files" USING btree ("user_id","started_at" DESC NULLS LAST);