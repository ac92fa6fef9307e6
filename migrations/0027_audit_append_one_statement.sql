-- Appending an audit row advances its chain in ONE statement (docs/benchmarks.md "The audited
-- write path"): an UPDATE of the chain head that locks the head row until commit, computes the new
-- link's hash from the head it replaces, and hands both links to the INSERT of the audit row in the
-- same statement. Before, each append ran an INSERT … ON CONFLICT DO NOTHING, a SELECT … FOR UPDATE
-- and an UPDATE of the head beside the INSERT. The guarantees are those of migrations/0001: the
-- actor is required (EA001), the hash covers the same columns in the same form (edc_audit_hash is
-- unchanged, so existing chains verify), two transactions never link to the same predecessor
-- (the head row stays locked until commit), and the audit row is written in the writer's
-- transaction. A chain's first row creates its head (seq 0, zero hash) and advances it the same way.
create or replace function edc_audit_append(
  p_action text, p_table text, p_record_id text, p_participant_id uuid, p_site_id uuid, p_changes jsonb
) returns bigint
language plpgsql as $$
declare
  r audit_log%rowtype;
begin
  r.actor_id := nullif(current_setting('edc.actor_id', true), '');
  if r.actor_id is null then
    raise exception 'audit: no actor is set for this transaction, and changes to trial data are never anonymous'
      using errcode = 'EA001',
            hint = 'Run the write inside withAudit(), or set edc.actor_id with set_config(..., true).';
  end if;
  r.actor_role := coalesce(nullif(current_setting('edc.actor_role', true), ''), 'unknown');
  r.actor_label := nullif(current_setting('edc.actor_label', true), '');
  r.actor_site_id := nullif(current_setting('edc.actor_site_id', true), '')::uuid;
  r.reason := nullif(current_setting('edc.reason', true), '');
  r.request_id := nullif(current_setting('edc.request_id', true), '');
  r.occurred_at := clock_timestamp();
  r.changes := coalesce(p_changes, '{}'::jsonb);
  r.chain_key := case when p_participant_id is null then 'global' else 'participant:' || p_participant_id end;

  -- At most twice: when the chain has no head yet, the first pass writes nothing and creates it.
  loop
    with head as (
      update audit_chain_head h
         set seq = h.seq + 1,
             prev_hash = h.hash,
             hash = edc_audit_hash(row(null, r.occurred_at, r.actor_id, r.actor_label, r.actor_role,
                      r.actor_site_id, p_action, p_table, p_record_id, p_participant_id, p_site_id,
                      r.changes, r.reason, r.request_id, r.chain_key, h.seq + 1, h.hash, null)::audit_log)
       where h.chain_key = r.chain_key
       returning h.seq, h.prev_hash, h.hash
    )
    insert into audit_log (occurred_at, actor_id, actor_label, actor_role, actor_site_id, action,
                           table_name, record_id, participant_id, site_id, changes, reason,
                           request_id, chain_key, chain_seq, prev_hash, hash)
      select r.occurred_at, r.actor_id, r.actor_label, r.actor_role, r.actor_site_id, p_action,
             p_table, p_record_id, p_participant_id, p_site_id, r.changes, r.reason,
             r.request_id, r.chain_key, head.seq, head.prev_hash, head.hash
        from head
      returning id into r.id;
    exit when r.id is not null;
    -- A concurrent first append of the same chain makes this wait and then do nothing; the next
    -- pass links after its row.
    insert into audit_chain_head (chain_key, seq, hash)
      values (r.chain_key, 0, repeat('0', 64))
      on conflict (chain_key) do nothing;
  end loop;
  return r.id;
end
$$;
