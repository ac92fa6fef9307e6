-- Emergency unblinding (docs/closeout.md "Unblinding"): append-only, audited on the participant's
-- chain with its site, and a trial table like the others: refused while the study is locked (EL001).
create trigger emergency_unblindings_audit after insert or update or delete on emergency_unblindings
  for each row execute function edc_audit_row('participant_id', 'site_id');
--> statement-breakpoint
create trigger emergency_unblindings_no_update before update or delete on emergency_unblindings
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger emergency_unblindings_no_truncate before truncate on emergency_unblindings
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
create trigger emergency_unblindings_study_guard before insert or update or delete on emergency_unblindings
  for each statement execute function edc_study_write_guard('data');
