-- The names of the fields an audit row changed ({"data.vas_mm": [old, new], ...} → {data.vas_mm}),
-- for the audit review's field filter (docs/benchmarks.md "audit_log indexes"). The GIN index over
-- this array holds one entry per changed field, where a GIN over the whole changes document also
-- held every old and new value, which no review query looks up.
create or replace function edc_audit_fields(changes jsonb) returns text[]
language sql immutable strict parallel safe as $$
  select coalesce(array(select jsonb_object_keys(changes)), '{}'::text[])
$$;
