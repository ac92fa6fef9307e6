ALTER TABLE "randomization_lists" ADD COLUMN "follows_list_id" uuid;--> statement-breakpoint
ALTER TABLE "randomization_lists" ADD COLUMN "seq_offsets" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "randomization_lists" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "randomization_lists" ADD CONSTRAINT "randomization_lists_follows_list_id_randomization_lists_id_fk" FOREIGN KEY ("follows_list_id") REFERENCES "public"."randomization_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "randomization_lists" ADD CONSTRAINT "randomization_lists_reason_check" CHECK ("randomization_lists"."follows_list_id" is null or "randomization_lists"."reason" is not null);
--> statement-breakpoint
-- A correction of the list in use appends a segment (docs/requirements.md R-RAND-5): what a list
-- row says about its slots (method, parameters, commitment, the list it follows, its seq offsets
-- and the reason) is fixed when it is written; only "active" moves to the newest segment.
create or replace function edc_list_guard() returns trigger
language plpgsql as $$
begin
  if TG_OP = 'DELETE' then
    raise exception 'randomization lists are never deleted' using errcode = 'EA003';
  end if;
  if NEW.name <> OLD.name or NEW.method <> OLD.method or NEW.params <> OLD.params
     or NEW.commitment <> OLD.commitment or NEW.follows_list_id is distinct from OLD.follows_list_id
     or NEW.seq_offsets <> OLD.seq_offsets or NEW.reason is distinct from OLD.reason
     or NEW.created_at <> OLD.created_at then
    raise exception 'a randomization list only changes whether it is active' using errcode = 'EA003';
  end if;
  return NEW;
end
$$;
--> statement-breakpoint
create trigger randomization_lists_guard before update or delete on randomization_lists
  for each row execute function edc_list_guard();
