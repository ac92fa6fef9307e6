-- The score range guards of form_records (migrations/0003_clinical_guards.sql: VAS 0-100 whole mm,
-- ODI items 0-5, a missing or null score allowed) keep their constraints and their rule; only the
-- helper they call changes language (docs/benchmarks.md "What an audited write costs in the
-- database"). As a one-line SQL function it was inlined into the constraints, and PostgreSQL
-- prepares a table's CHECK expressions afresh for every INSERT or UPDATE statement: each save
-- parsed and planned the helper's body twelve times (once per call in the VAS and ODI
-- constraints), a fifth of the database's CPU time for an audited save. A PL/pgSQL function is
-- compiled once per connection and its expression plan cached, so a statement only calls it.
-- Same arguments, same result for every value, so the rows already stored stay valid.
create or replace function edc_whole_number_in(v jsonb, lo integer, hi integer) returns boolean
language plpgsql immutable as $$
begin
  return v is null or jsonb_typeof(v) = 'null'
      or (jsonb_typeof(v) = 'number' and (v #>> '{}')::numeric between lo and hi
          and (v #>> '{}')::numeric = trunc((v #>> '{}')::numeric));
end
$$;
