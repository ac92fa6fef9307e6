-- The same audit rows for less work per row (docs/benchmarks.md "What an audited write costs in
-- the database"); what the trigger writes is unchanged (packages/db/test/audit-changes.test.ts pins
-- the changes document of an INSERT, an UPDATE, a DELETE, redacted columns and an UPDATE that
-- changes nothing, and passed before this migration as after it), and so are the actor
-- requirement, the chain and edc_audit_hash (all in edc_audit_append, untouched here).
--
-- 1. edc_audit_row (as of migrations/0003_clinical_guards.sql) built every row's changes with one
--    query over the keys of the row, looking each key up in the old and the new row, plus the UNION
--    (a sort that removes duplicates) of the old and the new data object's keys. Now an INSERT or a
--    DELETE, which has only one row, reads its columns once with jsonb_each and pairs each value
--    with null; an UPDATE walks the new row's columns with their values and compares each with the
--    old one, and pairs the two data objects' fields in one full join. The rules are those of 0003:
--    every column as [old, new], a data object field by field as "data.<field>", a redacted column as
--    '[redacted]' on the side that exists, and no audit row for an UPDATE that changes nothing.
-- 2. edc_audit_fields, the expression of the GIN index over the changed field names
--    (migrations/0025_audit_fields.sql), was a SQL function PostgreSQL cannot inline (it holds a
--    subquery), so each audit INSERT parsed and planned its body again to compute the index entry.
--    As PL/pgSQL its plan is cached per connection. It returns the same array for every document,
--    so the index built with the old body stays valid, and queries match it as before (same
--    function).
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
  if TG_OP = 'UPDATE' then
    old_j := to_jsonb(OLD);
    new_j := to_jsonb(NEW);
    row_j := new_j;
    select coalesce(jsonb_object_agg(c.k, c.v), '{}'::jsonb) into diff
      from (
        select n.key as k,
               case when n.key = any(redacted) then '["[redacted]", "[redacted]"]'::jsonb
                    else jsonb_build_array(old_j -> n.key, n.value) end as v
          from jsonb_each(new_j) n
         where n.value is distinct from old_j -> n.key
           and not (n.key = 'data' and jsonb_typeof(n.value) = 'object')
        union all
        select 'data.' || coalesce(n.key, o.key), jsonb_build_array(o.value, n.value)
          from jsonb_each(case when jsonb_typeof(old_j -> 'data') = 'object' then old_j -> 'data' else '{}'::jsonb end) o
          full join jsonb_each(case when jsonb_typeof(new_j -> 'data') = 'object' then new_j -> 'data' else '{}'::jsonb end) n
            on n.key = o.key
         where o.value is distinct from n.value
      ) c;
    if diff = '{}'::jsonb then
      return null;
    end if;
  else
    if TG_OP = 'INSERT' then row_j := to_jsonb(NEW); else row_j := to_jsonb(OLD); end if;
    select coalesce(jsonb_object_agg(c.k, case when TG_OP = 'INSERT' then jsonb_build_array(null, c.v)
                                                else jsonb_build_array(c.v, null) end), '{}'::jsonb) into diff
      from (
        select e.key as k, case when e.key = any(redacted) then '"[redacted]"'::jsonb else e.value end as v
          from jsonb_each(row_j) e
         where not (e.key = 'data' and jsonb_typeof(e.value) = 'object')
        union all
        select 'data.' || d.key, d.value
          from jsonb_each(case when jsonb_typeof(row_j -> 'data') = 'object' then row_j -> 'data' else '{}'::jsonb end) d
      ) c;
  end if;
  perform edc_audit_append(TG_OP, TG_TABLE_NAME, row_j ->> 'id',
    case when pcol is null then null else (row_j ->> pcol)::uuid end,
    case when scol is null then null else (row_j ->> scol)::uuid end,
    diff);
  return null;
end
$$;
--> statement-breakpoint
create or replace function edc_audit_fields(changes jsonb) returns text[]
language plpgsql immutable strict parallel safe as $$
begin
  return coalesce(array(select jsonb_object_keys(changes)), '{}'::text[]);
end
$$;
