-- Loaded instrument texts are only added (packages/db/src/schema/instruments.ts): a new load is a
-- new row, the newest per language in force, so what the form showed at any time stays known.
-- The loading service writes the INSTRUMENT_TEXTS_LOADED audit event in the same transaction.
create trigger instrument_texts_no_update before update or delete on instrument_texts
  for each row execute function edc_append_only_guard();
--> statement-breakpoint
create trigger instrument_texts_no_truncate before truncate on instrument_texts
  for each statement execute function edc_append_only_guard();
