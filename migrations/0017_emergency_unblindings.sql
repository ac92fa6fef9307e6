CREATE TABLE "emergency_unblindings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"unblinded_by" uuid NOT NULL,
	"unblinded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "emergency_unblindings_reason_check" CHECK (length(trim("emergency_unblindings"."reason")) >= 3)
);
--> statement-breakpoint
ALTER TABLE "emergency_unblindings" ADD CONSTRAINT "emergency_unblindings_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_unblindings" ADD CONSTRAINT "emergency_unblindings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_unblindings" ADD CONSTRAINT "emergency_unblindings_unblinded_by_users_id_fk" FOREIGN KEY ("unblinded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_unblindings_site_idx" ON "emergency_unblindings" USING btree ("site_id","unblinded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "emergency_unblindings_participant_idx" ON "emergency_unblindings" USING btree ("participant_id");