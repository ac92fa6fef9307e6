CREATE TABLE "instrument_texts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"instrument" text NOT NULL,
	"language" text NOT NULL,
	"texts" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"loaded_by" uuid NOT NULL,
	CONSTRAINT "instrument_texts_instrument" CHECK ("instrument_texts"."instrument" in ('oswestry_disability_index')),
	CONSTRAINT "instrument_texts_language" CHECK ("instrument_texts"."language" in ('en', 'tr')),
	CONSTRAINT "instrument_texts_array" CHECK (jsonb_typeof("instrument_texts"."texts") = 'array')
);
--> statement-breakpoint
CREATE INDEX "instrument_texts_current" ON "instrument_texts" USING btree ("instrument","language","id");