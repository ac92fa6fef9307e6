-- Creating a randomization list must not put its block structure into the audit trail: the
-- block number, block size and position of every unassigned slot would tell any reader of the
-- log where blocks end, and so make about a quarter of the next allocations certain
-- (docs/requirements.md R-RAND-4). The row trigger's INSERT rows did exactly that, so
-- slot creation is now audited by one row per INSERT statement and list: the list, the number of
-- slots per stratum, the range of slot ids written and the list's commitment (which the
-- randomization_lists row audit also holds). Each row is still appended through edc_audit_append,
-- in the same transaction and on the global hash chain, so the trail stays complete and
-- verifiable. Assigning a slot (UPDATE) and the refused DELETE keep the row trigger; arm and block
-- fields are never copied (they do not change on assignment, and the guard refuses any change).
drop trigger randomization_slots_audit on randomization_slots;
--> statement-breakpoint
create trigger randomization_slots_audit after update or delete on randomization_slots
  for each row execute function edc_audit_row('participant_id', '', 'arm', 'block_no', 'block_size', 'pos_in_block');
--> statement-breakpoint
create or replace function edc_slot_insert_audit() returns trigger
language plpgsql as $$
declare
  l record;
begin
  for l in
    select n.list_id, rl.commitment, count(*)::int as slots, min(n.id) as first_id, max(n.id) as last_id,
           (select jsonb_object_agg(x.stratum_key, x.c order by x.stratum_key)
              from (select s.stratum_key, count(*)::int as c from new_slots s
                    where s.list_id = n.list_id group by s.stratum_key) x) as strata
      from new_slots n join randomization_lists rl on rl.id = n.list_id
     group by n.list_id, rl.commitment
     order by n.list_id
  loop
    -- Old/new pairs, as every row change in the log has them.
    perform edc_audit_append('INSERT', 'randomization_slots', l.list_id::text, null, null,
      jsonb_build_object(
        'list_id', jsonb_build_array(null, l.list_id),
        'commitment', jsonb_build_array(null, l.commitment),
        'slots', jsonb_build_array(null, l.slots),
        'slots_by_stratum', jsonb_build_array(null, l.strata),
        'slot_ids', jsonb_build_array(null, jsonb_build_array(l.first_id, l.last_id))));
  end loop;
  return null;
end
$$;
--> statement-breakpoint
create trigger randomization_slots_audit_insert after insert on randomization_slots
  referencing new table as new_slots
  for each statement execute function edc_slot_insert_audit();
