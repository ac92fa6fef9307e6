-- Only the audit_log indexes a review query reads (docs/benchmarks.md "audit_log indexes"): the
-- site index (two sites: a site filter walks the primary key), the (actor, id) index (a user's pages
-- are ordered by time through (actor, time, id)) and the (table, id) index (replaced by (table,
-- record, id), which also answers a record's history) go; the GIN index holds field names only.
-- audit_chain_head.prev_hash lets one statement advance a chain (0027).
DROP INDEX "audit_log_site_idx";--> statement-breakpoint
DROP INDEX "audit_log_actor_idx";--> statement-breakpoint
DROP INDEX "audit_log_table_idx";--> statement-breakpoint
DROP INDEX "audit_log_changes_keys_idx";--> statement-breakpoint
ALTER TABLE "audit_chain_head" ADD COLUMN "prev_hash" text;--> statement-breakpoint
CREATE INDEX "audit_log_record_idx" ON "audit_log" USING btree ("table_name","record_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_changes_keys_idx" ON "audit_log" USING gin (edc_audit_fields("changes"));