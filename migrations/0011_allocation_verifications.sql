CREATE TABLE "allocation_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"verified_by" uuid NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"match" boolean NOT NULL,
	"report" jsonb NOT NULL,
	"html" text NOT NULL,
	"html_sha256" text NOT NULL,
	"pdf_base64" text NOT NULL,
	"pdf_sha256" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allocation_verifications" ADD CONSTRAINT "allocation_verifications_list_id_randomization_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."randomization_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_verifications" ADD CONSTRAINT "allocation_verifications_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_verifications_list_idx" ON "allocation_verifications" USING btree ("list_id","verified_at" DESC NULLS LAST);