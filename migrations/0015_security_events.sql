CREATE TABLE "security_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "security_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"window_start" timestamp with time zone NOT NULL,
	"actor_key" text NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"route" text NOT NULL,
	"status" integer NOT NULL,
	"site_id" uuid,
	"count" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp (6) with time zone NOT NULL,
	"last_at" timestamp (6) with time zone NOT NULL,
	"audit_id" bigint,
	CONSTRAINT "security_events_window" UNIQUE("window_start","actor_key","kind","method","route"),
	CONSTRAINT "security_events_kind_check" CHECK ("security_events"."kind" in ('SESSION_EXPIRED', 'FORBIDDEN', 'NOT_FOUND_AT_OTHER_SITE', 'CSRF_FAILED')),
	CONSTRAINT "security_events_count_check" CHECK ("security_events"."count" >= 1)
);
--> statement-breakpoint
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "security_events_audit_idx" ON "security_events" USING btree ("audit_id");