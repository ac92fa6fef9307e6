-- Participant lifecycle (docs/requirements.md R-LIFE-1, R-RAND-3; packages/domain/src/participants/
-- lifecycle.ts). The service derives the status from complete records; this trigger makes sure that
-- no code path and no SQL session stores an illegal transition or a status its facts contradict:
--   EP001  the status change is not a transition of the lifecycle;
--   EP002  the status contradicts the row (enrolled without eligibility or consent, randomized
--          without an allocation time, an allocation time on a participant not randomized);
--   EP003  the allocation time, or the eligibility decision after it, never changes.

-- The transition table of packages/domain/src/participants/lifecycle.ts, pair by pair (a test
-- compares both for every pair of statuses).
create or replace function edc_participant_transition_allowed(from_status text, to_status text)
returns boolean
language sql immutable as $$
  select from_status = to_status or (from_status, to_status) in (
    ('screening', 'screen_failed'), ('screening', 'enrolled'), ('screening', 'withdrawn'),
    ('screen_failed', 'screening'), ('screen_failed', 'enrolled'),
    ('enrolled', 'screen_failed'), ('enrolled', 'randomized'), ('enrolled', 'withdrawn'),
    ('randomized', 'completed'), ('randomized', 'withdrawn'),
    ('completed', 'withdrawn'),
    ('withdrawn', 'completed'))
$$;
--> statement-breakpoint

create or replace function edc_participant_lifecycle_guard() returns trigger
language plpgsql as $$
begin
  if TG_OP = 'UPDATE' and OLD.randomized_at is not null
     and (NEW.randomized_at is distinct from OLD.randomized_at or NEW.eligible is distinct from OLD.eligible) then
    raise exception 'participant % is randomized: the allocation time and eligibility never change', NEW.study_id
      using errcode = 'EP003';
  end if;
  if NEW.status in ('randomized', 'completed') and NEW.randomized_at is null then
    raise exception 'participant %: status % needs an allocation', NEW.study_id, NEW.status
      using errcode = 'EP002';
  end if;
  if NEW.randomized_at is not null and NEW.status not in ('randomized', 'completed', 'withdrawn') then
    raise exception 'participant % is randomized; status % is not possible', NEW.study_id, NEW.status
      using errcode = 'EP002';
  end if;
  if NEW.status in ('enrolled', 'randomized')
     and (NEW.eligible is distinct from true or NEW.consent_date is null) then
    raise exception 'participant %: status % needs eligibility confirmed and consent recorded', NEW.study_id, NEW.status
      using errcode = 'EP002';
  end if;
  if NEW.status = 'screen_failed' and NEW.eligible is distinct from false then
    raise exception 'participant %: screen_failed needs a "not eligible" decision', NEW.study_id
      using errcode = 'EP002';
  end if;
  if TG_OP = 'UPDATE' then
    if OLD.randomized_at is null and NEW.randomized_at is not null
       and not (OLD.status = 'enrolled' and NEW.status = 'randomized') then
      raise exception 'participant %: only an enrolled participant is randomized (status is %)', NEW.study_id, OLD.status
        using errcode = 'EP001';
    end if;
    if not edc_participant_transition_allowed(OLD.status, NEW.status) then
      raise exception 'participant %: % → % is not a transition of the participant lifecycle', NEW.study_id, OLD.status, NEW.status
        using errcode = 'EP001';
    end if;
  end if;
  return NEW;
end
$$;
--> statement-breakpoint
create trigger participants_lifecycle_guard before insert or update on participants
  for each row execute function edc_participant_lifecycle_guard();
