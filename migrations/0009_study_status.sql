CREATE TABLE "study_status" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"locked_at" timestamp with time zone,
	"lock_audit_head" jsonb,
	"allocation_released_at" timestamp with time zone,
	"allocation_released_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "study_status_single_row" CHECK ("study_status"."id" = 1),
	CONSTRAINT "study_status_state_check" CHECK ("study_status"."state" in ('open', 'entry_closed', 'locked'))
);
