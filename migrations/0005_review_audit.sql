-- Signatures, data queries and SDV marks are trial records too (design invariant 1; ICH E6(R3)
-- 4.2: workflow actions such as signing, query steps and SDV are audited). Rows are never deleted.
create trigger signatures_audit after insert or update or delete on signatures
  for each row execute function edc_audit_row('participant_id', 'site_id');
--> statement-breakpoint
create trigger data_queries_audit after insert or update or delete on data_queries
  for each row execute function edc_audit_row('participant_id', 'site_id');
--> statement-breakpoint
create trigger query_messages_audit after insert or update or delete on query_messages
  for each row execute function edc_audit_row('participant_id', 'site_id');
--> statement-breakpoint
create trigger sdv_marks_audit after insert or update or delete on sdv_marks
  for each row execute function edc_audit_row('participant_id', 'site_id');
--> statement-breakpoint
create trigger signatures_no_truncate before truncate on signatures
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
create trigger data_queries_no_truncate before truncate on data_queries
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
create trigger query_messages_no_truncate before truncate on query_messages
  for each statement execute function edc_append_only_guard();
--> statement-breakpoint
create trigger sdv_marks_no_truncate before truncate on sdv_marks
  for each statement execute function edc_append_only_guard();
