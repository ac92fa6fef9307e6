-- Allocation verification reports are close-out records, written after lock (so they carry no
-- study write guard). Audited on the global chain; report, page and PDF name arms and are
-- redacted from the audit row, their SHA-256 stays in clear. Rows are never changed or deleted.
create trigger allocation_verifications_audit after insert or update or delete on allocation_verifications
  for each row execute function edc_audit_row('', '', 'report', 'html', 'pdf_base64');
--> statement-breakpoint
create trigger allocation_verifications_append_only before update or delete on allocation_verifications
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger allocation_verifications_no_truncate before truncate on allocation_verifications
  for each statement execute function edc_append_only_guard();
