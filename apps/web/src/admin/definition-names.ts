import { z } from 'zod';
import { languageOf, study } from '../forms/study';

/**
 * The names an amendment's messages use (R-DEF-5): forms, fields, visits, arms and choices by
 * their label in the interface language, looked up in the draft the admin sent and then in the
 * current version; a code neither holds (a form that does not exist) stays the code typed.
 * The draft is read leniently: it may be the very definition the server refused.
 */
const text = z.object({ en: z.string(), tr: z.string() }).partial();
const named = z.object({ code: z.string(), label: text.optional() });
// An item that does not fit is undefined, so indexes still match the draft's (a path names them).
const keep =
  <T extends z.ZodType>(item: T) =>
  (list: unknown[]): (z.infer<T> | undefined)[] =>
    list.map((x) => {
      const parsed = item.safeParse(x);
      return parsed.success ? parsed.data : undefined;
    });
const lenientList = <T extends z.ZodType>(item: T) => z.array(z.unknown()).catch([]).transform(keep(item));
const field = z.object({
  name: z.string(),
  label: text.optional(),
  allowedValues: lenientList(named).optional(),
});
const draftNames = z
  .object({
    forms: lenientList(named.extend({ fields: lenientList(field) })),
    visits: lenientList(named),
    arms: lenientList(named),
  })
  .catch({ forms: [], visits: [], arms: [] });
export type DefinitionNames = z.infer<typeof draftNames>;

/** The names of a draft (anything JSON.parse gave), for `nameOf`. */
export function draftNamesOf(draft: unknown): DefinitionNames {
  return draftNames.parse(draft);
}

/** The draft's names first, then the current version's. */
function sources(draft: DefinitionNames): DefinitionNames[] {
  return [draft, draftNames.parse(study ?? {})];
}

function labelIn(label: z.infer<typeof text> | undefined, language: string): string | undefined {
  const lang = languageOf(language);
  return label?.[lang] || label?.en || label?.tr || undefined;
}

export interface NameLookup {
  form: (code: string) => string;
  field: (form: string, name: string) => string;
  visit: (code: string) => string;
  arm: (code: string) => string;
}

/** Label lookups in the interface language; each falls back to the code it was given. */
export function nameLookup(draft: DefinitionNames, language: string): NameLookup {
  const all = sources(draft);
  const first = (pick: (names: DefinitionNames) => string | undefined, code: string) =>
    all.map(pick).find((x) => x !== undefined) ?? code;
  return {
    form: (code) => first((n) => labelIn(n.forms.find((f) => f?.code === code)?.label, language), code),
    field: (form, name) =>
      first(
        (n) =>
          labelIn(
            n.forms.find((f) => f?.code === form)?.fields.find((x) => x?.name === name)?.label,
            language,
          ),
        name,
      ),
    visit: (code) => first((n) => labelIn(n.visits.find((v) => v?.code === code)?.label, language), code),
    arm: (code) => first((n) => labelIn(n.arms.find((a) => a?.code === code)?.label, language), code),
  };
}

/** A message's parameters with forms, fields and visits by label (`other` is a field of `form`). */
export function namedParams(params: Record<string, string | number>, names: NameLookup) {
  const out: Record<string, string | number> = { ...params };
  const form = typeof params.form === 'string' ? params.form : undefined;
  if (form !== undefined) out.form = names.form(form);
  for (const key of ['field', 'other'] as const) {
    const value = params[key];
    if (typeof value === 'string' && form !== undefined) out[key] = names.field(form, value);
  }
  if (typeof params.visit === 'string') out.visit = names.visit(params.visit);
  return out;
}
