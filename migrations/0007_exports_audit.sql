-- Exports are audited records (design invariant 1; ICH E6(R3) 4.2: exports are logged; issue 7).
-- The row written when an export starts and the UPDATE that completes its manifest both go into the
-- audit trail (global chain: an export is not about one participant). A manifest is evidence, so
-- once an export has completed or failed its row never changes again, and rows are never removed.
create or replace function edc_export_guard() returns trigger
language plpgsql as $$
begin
  if TG_OP = 'DELETE' then
    raise exception 'exports are never deleted' using errcode = 'EA002';
  end if;
  if OLD.status <> 'started' then
    raise exception 'export % is %, and its manifest is final', OLD.id, OLD.status using errcode = 'EA002';
  end if;
  if NEW.id <> OLD.id or NEW.user_id <> OLD.user_id or NEW.format <> OLD.format
     or NEW.blinded <> OLD.blinded or NEW.filters <> OLD.filters or NEW.started_at <> OLD.started_at
     or NEW.audit_head <> OLD.audit_head then
    raise exception 'who exported what, when, and the audit head at that moment never change'
      using errcode = 'EA002';
  end if;
  return NEW;
end
$$;
--> statement-breakpoint
create trigger exports_guard before update or delete on exports
  for each row execute function edc_export_guard();
--> statement-breakpoint
create trigger exports_audit after insert or update or delete on exports
  for each row execute function edc_audit_row('', '');
--> statement-breakpoint
create trigger exports_no_truncate before truncate on exports
  for each statement execute function edc_append_only_guard();
