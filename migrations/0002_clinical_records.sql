CREATE TABLE "randomization_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"method" text NOT NULL,
	"params" jsonb NOT NULL,
	"commitment" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "randomization_lists_method_check" CHECK ("randomization_lists"."method" in ('generated', 'imported'))
);
--> statement-breakpoint
CREATE TABLE "randomization_slots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "randomization_slots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"list_id" uuid NOT NULL,
	"stratum_key" text NOT NULL,
	"seq" integer NOT NULL,
	"block_no" integer,
	"block_size" integer,
	"pos_in_block" integer,
	"arm" text NOT NULL,
	"participant_id" uuid,
	"assigned_at" timestamp with time zone,
	"assigned_by" uuid,
	CONSTRAINT "randomization_slots_participant_id_unique" UNIQUE("participant_id"),
	CONSTRAINT "randomization_slots_list_stratum_seq" UNIQUE("list_id","stratum_key","seq"),
	CONSTRAINT "randomization_slots_seq_positive" CHECK ("randomization_slots"."seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "form_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"visit_code" text NOT NULL,
	"form_code" text NOT NULL,
	"seq" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_records_instance" UNIQUE("participant_id","visit_code","form_code","seq"),
	CONSTRAINT "form_records_status_check" CHECK ("form_records"."status" in ('draft', 'complete', 'signed', 'locked')),
	CONSTRAINT "form_records_data_object" CHECK (jsonb_typeof("form_records"."data") = 'object')
);
--> statement-breakpoint
CREATE TABLE "site_counters" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"visit_code" text NOT NULL,
	"target_date" date NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"visit_date" date,
	"out_of_window_reason" text,
	"missed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "visits_participant_visit" UNIQUE("participant_id","visit_code"),
	CONSTRAINT "visits_status_check" CHECK ("visits"."status" in ('scheduled', 'done', 'missed')),
	CONSTRAINT "visits_window_check" CHECK ("visits"."window_start" <= "visits"."target_date" and "visits"."target_date" <= "visits"."window_end")
);
--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "eligible" boolean;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "failed_criteria" jsonb;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "consent_date" date;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "randomized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "randomization_slots" ADD CONSTRAINT "randomization_slots_list_id_randomization_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."randomization_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "randomization_slots" ADD CONSTRAINT "randomization_slots_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_records" ADD CONSTRAINT "form_records_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_records" ADD CONSTRAINT "form_records_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_counters" ADD CONSTRAINT "site_counters_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "randomization_lists_one_active" ON "randomization_lists" USING btree ("active") WHERE "randomization_lists"."active";--> statement-breakpoint
CREATE INDEX "form_records_site_idx" ON "form_records" USING btree ("site_id","form_code");--> statement-breakpoint
CREATE INDEX "visits_site_window_idx" ON "visits" USING btree ("site_id","window_end");