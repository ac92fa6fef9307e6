-- Clinical tables: audit triggers (invariant 1), field-level audit of form data, allocation
-- immutability (invariant 4, protocol §4.3) and score ranges mirroring the zod schemas of
-- packages/domain (VAS 0-100 whole mm, ODI items 0-5 or null), so no code path can store an
-- impossible score.

-- Field-level audit of eCRF data: a change to form_records.data is recorded per field, as
-- "data.vas_mm": [old, new], never as one opaque blob.
create or replace function edc_audit_row() returns trigger
language plpgsql as $$
declare
  old_j jsonb;
  new_j jsonb;
  row_j jsonb;
  diff jsonb;
  pcol text := nullif(TG_ARGV[0], '');
  scol text := nullif(TG_ARGV[1], '');
  redacted text[] := coalesce(TG_ARGV[2:TG_NARGS - 1], '{}');
begin
  if TG_OP <> 'INSERT' then old_j := to_jsonb(OLD); end if;
  if TG_OP <> 'DELETE' then new_j := to_jsonb(NEW); end if;
  row_j := coalesce(new_j, old_j);
  select coalesce(jsonb_object_agg(key, change), '{}'::jsonb)
    into diff
    from (
      select k as key,
             case when k = any(redacted)
               then jsonb_build_array(case when old_j is not null then to_jsonb('[redacted]'::text) end,
                                      case when new_j is not null then to_jsonb('[redacted]'::text) end)
               else jsonb_build_array(old_j -> k, new_j -> k)
             end as change
        from jsonb_object_keys(row_j) as k
       where (old_j -> k) is distinct from (new_j -> k)
         and not (k = 'data' and jsonb_typeof(row_j -> 'data') = 'object')
      union all
      select 'data.' || dk, jsonb_build_array(old_j -> 'data' -> dk, new_j -> 'data' -> dk)
        from (
          select jsonb_object_keys(case when jsonb_typeof(old_j -> 'data') = 'object' then old_j -> 'data' else '{}'::jsonb end)
          union
          select jsonb_object_keys(case when jsonb_typeof(new_j -> 'data') = 'object' then new_j -> 'data' else '{}'::jsonb end)
        ) as data_keys(dk)
       where (old_j -> 'data' -> dk) is distinct from (new_j -> 'data' -> dk)
    ) as changed;
  if TG_OP = 'UPDATE' and diff = '{}'::jsonb then
    return null;
  end if;
  perform edc_audit_append(TG_OP, TG_TABLE_NAME, row_j ->> 'id',
    case when pcol is null then null else (row_j ->> pcol)::uuid end,
    case when scol is null then null else (row_j ->> scol)::uuid end,
    diff);
  return null;
end
$$;
--> statement-breakpoint

create or replace function edc_whole_number_in(v jsonb, lo integer, hi integer) returns boolean
language sql immutable as $$
  select v is null or jsonb_typeof(v) = 'null'
      or (jsonb_typeof(v) = 'number' and (v #>> '{}')::numeric between lo and hi
          and (v #>> '{}')::numeric = trunc((v #>> '{}')::numeric))
$$;
--> statement-breakpoint
alter table form_records add constraint form_records_vas_range
  check (form_code <> 'vas' or edc_whole_number_in(data -> 'vas_mm', 0, 100));
--> statement-breakpoint
alter table form_records add constraint form_records_odi_range
  check (form_code <> 'odi' or (
    edc_whole_number_in(data -> 'q1', 0, 5) and edc_whole_number_in(data -> 'q2', 0, 5)
    and edc_whole_number_in(data -> 'q3', 0, 5) and edc_whole_number_in(data -> 'q4', 0, 5)
    and edc_whole_number_in(data -> 'q5', 0, 5) and edc_whole_number_in(data -> 'q6', 0, 5)
    and edc_whole_number_in(data -> 'q7', 0, 5) and edc_whole_number_in(data -> 'q8', 0, 5)
    and edc_whole_number_in(data -> 'q9', 0, 5) and edc_whole_number_in(data -> 'q10', 0, 5)));
--> statement-breakpoint

-- An allocation is final: a slot's participant is written once, and nothing about a slot changes
-- afterwards; slots are never deleted (lists are deactivated instead).
create or replace function edc_slot_guard() returns trigger
language plpgsql as $$
begin
  if TG_OP = 'DELETE' then
    raise exception 'randomization slots are never deleted' using errcode = 'EA003';
  end if;
  if OLD.participant_id is not null then
    raise exception 'allocation of slot % (stratum %, seq %) is final and cannot change', OLD.id, OLD.stratum_key, OLD.seq
      using errcode = 'EA003';
  end if;
  if NEW.list_id <> OLD.list_id or NEW.stratum_key <> OLD.stratum_key or NEW.seq <> OLD.seq
     or NEW.arm <> OLD.arm or NEW.block_no is distinct from OLD.block_no
     or NEW.block_size is distinct from OLD.block_size or NEW.pos_in_block is distinct from OLD.pos_in_block then
    raise exception 'a randomization slot''s list, stratum, sequence, block and arm never change'
      using errcode = 'EA003';
  end if;
  return NEW;
end
$$;
--> statement-breakpoint
create trigger randomization_slots_guard before update or delete on randomization_slots
  for each row execute function edc_slot_guard();
--> statement-breakpoint

-- Row triggers do not see TRUNCATE, so it is refused outright on every audited table.
create trigger participants_no_truncate before truncate on participants
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
create trigger form_records_no_truncate before truncate on form_records
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
create trigger visits_no_truncate before truncate on visits
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
create trigger randomization_slots_no_truncate before truncate on randomization_slots
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
create trigger randomization_lists_no_truncate before truncate on randomization_lists
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint

create trigger form_records_audit after insert or update or delete on form_records
  for each row execute function edc_audit_row('participant_id', 'site_id');
--> statement-breakpoint
create trigger visits_audit after insert or update or delete on visits
  for each row execute function edc_audit_row('participant_id', 'site_id');
--> statement-breakpoint
create trigger randomization_lists_audit after insert or update or delete on randomization_lists
  for each row execute function edc_audit_row('', '');
--> statement-breakpoint
-- The arm of a slot never enters the audit log: a monitor or assessor reading the log must not
-- learn upcoming (or any) allocations from it.
create trigger randomization_slots_audit after insert or update or delete on randomization_slots
  for each row execute function edc_audit_row('participant_id', '', 'arm');
