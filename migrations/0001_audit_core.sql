-- Audit core: design invariants 1 and 2 (21 CFR 11.10(e), ICH E6(R3) 4.2, EMA 2023 §6.2).
-- 1. Triggers write one audit row per changed record, with field-level old and new values, in the
--    same transaction as the change. Actor, role, site, reason and request id come from
--    transaction-local settings (set_config('edc.*', ..., true)) that the API sets first.
--    A write with no actor is refused (SQLSTATE EA001): nothing changes anonymously; the system
--    itself acts as the explicit actor 'system'.
-- 2. audit_log is append-only (UPDATE, DELETE, TRUNCATE raise EA002) and every row is linked to the
--    previous row of its chain by SHA-256, so verifyAuditChain() finds an altered or removed row
--    even when a superuser disabled the guard to change it.

-- The hash covers every column but the surrogate id, serialized as a JSON array so that no
-- value can be confused with a field separator. Timestamps are rendered in UTC explicitly, so
-- the result does not depend on the session's TimeZone or DateStyle.
create or replace function edc_audit_hash(a audit_log) returns text
language sql stable as $$
  select encode(sha256(convert_to(jsonb_build_array(
    a.prev_hash, a.chain_key, a.chain_seq,
    to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    a.actor_id, a.actor_label, a.actor_role, a.actor_site_id,
    a.action, a.table_name, a.record_id, a.participant_id, a.site_id,
    a.changes, a.reason, a.request_id
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint

-- Appends one row to the chain of its participant (or the global chain). The chain head row is
-- locked until commit, so two transactions never link to the same predecessor; transactions about
-- different participants do not wait for each other.
create or replace function edc_audit_append(
  p_action text, p_table text, p_record_id text, p_participant_id uuid, p_site_id uuid, p_changes jsonb
) returns bigint
language plpgsql as $$
declare
  r audit_log%rowtype;
  head record;
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
  r.action := p_action;
  r.table_name := p_table;
  r.record_id := p_record_id;
  r.participant_id := p_participant_id;
  r.site_id := p_site_id;
  r.changes := coalesce(p_changes, '{}'::jsonb);
  r.chain_key := case when p_participant_id is null then 'global' else 'participant:' || p_participant_id end;

  insert into audit_chain_head (chain_key, seq, hash)
    values (r.chain_key, 0, repeat('0', 64))
    on conflict (chain_key) do nothing;
  select h.seq, h.hash into head from audit_chain_head h where h.chain_key = r.chain_key for update;
  r.chain_seq := head.seq + 1;
  r.prev_hash := head.hash;
  r.hash := edc_audit_hash(r);

  insert into audit_log (occurred_at, actor_id, actor_label, actor_role, actor_site_id, action,
                         table_name, record_id, participant_id, site_id, changes, reason,
                         request_id, chain_key, chain_seq, prev_hash, hash)
    values (r.occurred_at, r.actor_id, r.actor_label, r.actor_role, r.actor_site_id, r.action,
            r.table_name, r.record_id, r.participant_id, r.site_id, r.changes, r.reason,
            r.request_id, r.chain_key, r.chain_seq, r.prev_hash, r.hash)
    returning id into r.id;
  update audit_chain_head set seq = r.chain_seq, hash = r.hash where chain_key = r.chain_key;
  return r.id;
end
$$;
--> statement-breakpoint

-- Row trigger for audited tables. Arguments: participant id column ('' if none), site id column
-- ('' if none), then columns whose values must never be copied into the log (password hashes).
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
  select coalesce(jsonb_object_agg(k,
           case when k = any(redacted)
             then jsonb_build_array(case when old_j is not null then to_jsonb('[redacted]'::text) end,
                                    case when new_j is not null then to_jsonb('[redacted]'::text) end)
             else jsonb_build_array(old_j -> k, new_j -> k)
           end), '{}'::jsonb)
    into diff
    from jsonb_object_keys(row_j) as k
   where (old_j -> k) is distinct from (new_j -> k);
  -- An UPDATE that changed nothing is not a change.
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

create or replace function edc_append_only_guard() returns trigger
language plpgsql as $$
begin
  raise exception '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    using errcode = 'EA002';
end
$$;
--> statement-breakpoint
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
-- Chain heads only move forward; deleting one would hide removal of the newest rows.
create trigger audit_chain_head_no_delete before delete on audit_chain_head
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint

create trigger sites_audit after insert or update or delete on sites
  for each row execute function edc_audit_row('', 'id');
--> statement-breakpoint
create trigger users_audit after insert or update or delete on users
  for each row execute function edc_audit_row('', '', 'password_hash');
--> statement-breakpoint
create trigger user_sites_audit after insert or update or delete on user_sites
  for each row execute function edc_audit_row('', 'site_id');
--> statement-breakpoint
create trigger participants_audit after insert or update or delete on participants
  for each row execute function edc_audit_row('id', 'site_id');
