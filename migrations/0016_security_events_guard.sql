-- Security events (docs/security.md §4): a window row is never deleted, and an update may only
-- raise its count, move last_at forward and link the window's audit row once. Whatever else
-- changes is refused like an edit of the audit trail (EA002).
create or replace function edc_security_event_guard() returns trigger
language plpgsql as $$
begin
  if NEW.window_start is distinct from OLD.window_start
     or NEW.actor_key is distinct from OLD.actor_key
     or NEW.kind is distinct from OLD.kind
     or NEW.method is distinct from OLD.method
     or NEW.route is distinct from OLD.route
     or NEW.status is distinct from OLD.status
     or NEW.site_id is distinct from OLD.site_id
     or NEW.first_at is distinct from OLD.first_at
     or NEW.count < OLD.count
     or NEW.last_at < OLD.last_at
     or (OLD.audit_id is not null and NEW.audit_id is distinct from OLD.audit_id) then
    raise exception 'security_events only count up: this change is not allowed'
      using errcode = 'EA002';
  end if;
  return NEW;
end
$$;
--> statement-breakpoint
create trigger security_events_count_only before update on security_events
  for each row execute function edc_security_event_guard();
--> statement-breakpoint
create trigger security_events_no_delete before delete on security_events
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger security_events_no_truncate before truncate on security_events
  for each statement execute function edc_append_only_guard();
