ALTER TABLE "participants" DROP CONSTRAINT "participants_status_check";--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "screening_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "screening_closed_reason" text;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_screening_closed_check" CHECK (("participants"."status" = 'screening_closed') = ("participants"."screening_closed_at" is not null and "participants"."screening_closed_reason" is not null));--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_status_check" CHECK ("participants"."status" in ('screening', 'screen_failed', 'screening_closed', 'enrolled', 'randomized', 'completed', 'withdrawn'));
--> statement-breakpoint
-- An abandoned screening is closed with a reason (packages/domain/src/participants/lifecycle.ts;
-- docs/requirements.md R-ELIG-4): screening → screening_closed, and nothing leaves it. The table
-- below is the domain's, pair by pair, as in migrations/0019_participant_lifecycle.sql which it
-- replaces.
create or replace function edc_participant_transition_allowed(from_status text, to_status text)
returns boolean
language sql immutable as $$
  select from_status = to_status or (from_status, to_status) in (
    ('screening', 'screen_failed'), ('screening', 'enrolled'), ('screening', 'withdrawn'),
    ('screening', 'screening_closed'),
    ('screen_failed', 'screening'), ('screen_failed', 'enrolled'),
    ('enrolled', 'screen_failed'), ('enrolled', 'randomized'), ('enrolled', 'withdrawn'),
    ('randomized', 'completed'), ('randomized', 'withdrawn'),
    ('completed', 'withdrawn'),
    ('withdrawn', 'completed'))
$$;
