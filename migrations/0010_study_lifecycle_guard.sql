-- Study close-out lifecycle (docs/architecture.md "Study lifecycle"; packages/domain/src/closeout).
-- The study_status row says open, entry_closed or locked. The API refuses writes while locked in
-- one hook, and the database refuses them too, whatever code path tries:
--   EL001  the study database is locked: no statement may change a trial table;
--   EL002  data entry is closed: no new participant, no participant number, no allocation.
-- The guard is a statement trigger (once per statement, not per row), so it costs one indexed
-- read per write. Writers hold a shared advisory lock for their transaction and locking takes the
-- exclusive one, so a lock waits for writes in flight and no write commits after it.

insert into study_status (id, state) values (1, 'open') on conflict do nothing;
--> statement-breakpoint
create trigger study_status_audit after insert or update or delete on study_status
  for each row execute function edc_audit_row('', '');
--> statement-breakpoint
create trigger study_status_no_delete before delete on study_status
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger study_status_no_truncate before truncate on study_status
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint

create or replace function edc_study_write_guard() returns trigger
language plpgsql as $$
declare
  s text;
begin
  perform pg_advisory_xact_lock_shared(74652003);
  select state into s from study_status where id = 1;
  if s = 'locked' then
    raise exception 'the study database is locked: % on % is refused', TG_OP, TG_TABLE_NAME
      using errcode = 'EL001',
            hint = 'An admin unlocks the study (with a reason) before anything can change.';
  end if;
  if s = 'entry_closed' and TG_ARGV[0] = 'enrolment' then
    raise exception 'data entry is closed: % on % (a new participant or allocation) is refused', TG_OP, TG_TABLE_NAME
      using errcode = 'EL002';
  end if;
  return null;
end
$$;
--> statement-breakpoint

-- Every trial table. 'enrolment' statements are refused from data entry closed on; 'data' ones
-- only while locked. A new trial table gets the same trigger (docs/architecture.md).
create trigger participants_study_guard_insert before insert on participants
  for each statement execute function edc_study_write_guard('enrolment');
--> statement-breakpoint
create trigger participants_study_guard before update or delete on participants
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger site_counters_study_guard before insert or update or delete on site_counters
  for each statement execute function edc_study_write_guard('enrolment');
--> statement-breakpoint
create trigger randomization_slots_study_guard_assign before update on randomization_slots
  for each statement execute function edc_study_write_guard('enrolment');
--> statement-breakpoint
create trigger randomization_slots_study_guard before insert or delete on randomization_slots
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger randomization_lists_study_guard before insert or update or delete on randomization_lists
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger sites_study_guard before insert or update or delete on sites
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger form_records_study_guard before insert or update or delete on form_records
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger visits_study_guard before insert or update or delete on visits
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger signatures_study_guard before insert or update or delete on signatures
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger data_queries_study_guard before insert or update or delete on data_queries
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger query_messages_study_guard before insert or update or delete on query_messages
  for each statement execute function edc_study_write_guard('data');
--> statement-breakpoint
create trigger sdv_marks_study_guard before insert or update or delete on sdv_marks
  for each statement execute function edc_study_write_guard('data');
