-- Close-out files (casebooks, site archives, the final bundle) are handed out after lock too, so
-- they carry no study write guard. Audited on the global chain with their site; never deleted.
create trigger closeout_files_audit after insert or update or delete on closeout_files
  for each row execute function edc_audit_row('', 'site_id');
--> statement-breakpoint
create trigger closeout_files_no_delete before delete on closeout_files
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger closeout_files_no_truncate before truncate on closeout_files
  for each statement execute function edc_append_only_guard();
