-- A published study definition version never changes (R-DEF-2): versions are only added. The
-- publishing service writes the DEFINITION_PUBLISHED audit event with the difference in the same
-- transaction; the row itself is not expanded into the audit trail (it is the whole definition).
create trigger study_definitions_no_update before update or delete on study_definitions
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger study_definitions_no_truncate before truncate on study_definitions
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
-- Versions are numbered without gaps (a number already taken fails on the primary key).
create or replace function edc_definition_version_next() returns trigger
language plpgsql as $$
begin
  if NEW.version > coalesce((select max(version) from study_definitions), 0) + 1 then
    raise exception 'study definition version % is not the next version', NEW.version
      using errcode = 'EA004';
  end if;
  return NEW;
end
$$;
--> statement-breakpoint
create trigger study_definitions_next_version before insert on study_definitions
  for each row execute function edc_definition_version_next();
