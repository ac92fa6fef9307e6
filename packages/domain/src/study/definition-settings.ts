import { z } from 'zod';
import { studyDefinitionObjectSchema } from './definition-schema';

/**
 * Every place a study definition has, as a path with 0 for a list's items (["visits", 0,
 * "windowBefore"]), walked from the definition schema itself: the amendment screen words a refused
 * setting by its key (apps/web/src/admin/definition-problem-text.ts), and the web's tests check
 * that each key has words in English and Turkish, so a setting added to the schema cannot reach
 * the admin as its JSON name (R-DEF-5).
 */
function placesOf(schema: z.core.$ZodType, at: (string | number)[]): (string | number)[][] {
  if (schema instanceof z.core.$ZodObject) {
    return Object.entries(schema._zod.def.shape).flatMap(([key, value]) => [
      [...at, key],
      ...placesOf(value, [...at, key]),
    ]);
  }
  if (schema instanceof z.core.$ZodArray) {
    return [[...at, 0], ...placesOf(schema._zod.def.element, [...at, 0])];
  }
  if (schema instanceof z.core.$ZodOptional || schema instanceof z.core.$ZodNullable) {
    return placesOf(schema._zod.def.innerType, at);
  }
  if (schema instanceof z.core.$ZodUnion) {
    return schema._zod.def.options.flatMap((option) => placesOf(option, at));
  }
  return [];
}

const places = placesOf(studyDefinitionObjectSchema, []);

/** The places of a study definition, each once (see placesOf). */
export const definitionPlaces: readonly (readonly (string | number)[])[] = [
  ...new Map(places.map((place) => [place.join('.'), place])).values(),
];

/** The keys of the definition's settings below the top level (the top level is its sections). */
export const definitionSettingKeys: ReadonlySet<string> = new Set(
  definitionPlaces.flatMap((place) => place.slice(1).filter((key) => typeof key === 'string')),
);
