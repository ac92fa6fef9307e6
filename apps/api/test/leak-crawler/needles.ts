import { blindRules, type StudyDefinition } from '@mini-edc/domain';

/**
 * What must never reach a blinded viewer, derived from the study definition (R-BLIND-2,
 * docs/architecture.md "Access and blinding"): arm codes and labels in English and Turkish, the
 * intervention forms' codes and the names of their fields, the definition's revealing fields,
 * every revealing choice value with its labels, and the free texts the world planted.
 */
export interface Needle {
  text: string;
  why: string;
  /** Match as a whole word only: a field name like `side` is a word inside ordinary text. */
  word: boolean;
  /** Searched in data files only (exports): there a hidden form is absent altogether. */
  filesOnly?: boolean;
}

/**
 * Field names of intervention forms that other forms the viewer sees also use (a `date`) tell
 * nothing; the rest (`injector_id`, `volume_ml_per_side`) exist only in one arm's form.
 */
function armOnlyFieldNames(def: StudyDefinition): { form: string; field: string }[] {
  const view = blindRules(def);
  const visibleNames = new Set<string>();
  for (const form of def.forms) {
    if (view.hiddenForms.has(form.code)) continue;
    const only = view.onlyFields.get(form.code);
    for (const f of form.fields) if (!only || only.has(f.name)) visibleNames.add(f.name);
  }
  // A name that is also a choice code of a visible form ('completed' as an end-of-study status)
  // is ordinary vocabulary too.
  const visibleCodes = new Set<string>();
  for (const form of def.forms) {
    if (view.hiddenForms.has(form.code)) continue;
    for (const f of form.fields) for (const v of f.allowedValues ?? []) visibleCodes.add(v.code);
  }
  return def.arms.flatMap((arm) => {
    const form = def.forms.find((f) => f.code === arm.interventionForm);
    return (form?.fields ?? [])
      .filter((f) => !visibleNames.has(f.name) && !visibleCodes.has(f.name))
      .map((f) => ({ form: arm.interventionForm, field: f.name }));
  });
}

export function needlesOf(def: StudyDefinition, freeTexts: readonly string[]): Needle[] {
  const out = new Map<string, Needle>();
  const add = (text: string, why: string, word = false) => {
    if (text.trim() !== '' && !out.has(text)) out.set(text, { text, why, word });
  };
  for (const arm of def.arms) {
    add(arm.code, 'arm code');
    add(arm.label.en, `label of arm ${arm.code} (en)`);
    add(arm.label.tr, `label of arm ${arm.code} (tr)`);
    add(arm.interventionForm, `intervention form of ${arm.code}`);
  }
  for (const { form, field } of armOnlyFieldNames(def)) add(field, `field of ${form}`, true);
  for (const { form, field } of def.blinding.revealingFields)
    add(field, `revealing field ${form}.${field}`, true);
  const forms = new Map(def.forms.map((f) => [f.code, f]));
  for (const r of def.blinding.revealingValues) {
    const field = forms.get(r.form)?.fields.find((f) => f.name === r.field);
    for (const value of r.values) {
      add(value, `revealing value of ${r.form}.${r.field}`, true);
      const option = field?.allowedValues?.find((v) => v.code === value);
      if (option) {
        add(option.label.en, `label of revealing value ${value} (en)`);
        add(option.label.tr, `label of revealing value ${value} (tr)`);
      }
    }
  }
  for (const text of freeTexts) add(text, 'planted free text');
  // Derived data: a data file with a count or a column of a hidden form (`n_adverse_event`) tells
  // how many hidden records a participant has. The definition the web reads may still name the
  // form in its roles (every trial has adverse events), so only files are searched for these.
  for (const form of blindRules(def).hiddenForms) {
    if (!out.has(form))
      out.set(form, { text: form, why: 'form hidden from the viewer', word: false, filesOnly: true });
  }
  return [...out.values()];
}

const wordChar = /[\p{L}\p{N}_]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Hit {
  needle: Needle;
  snippet: string;
}

/**
 * Every needle in `haystack`, case-insensitively (a PDF or a header may change case), with the
 * text around the first occurrence. JSON and XML escapes are undone first so `&amp;` or `\u0131`
 * cannot hide a label.
 */
export function findNeedles(
  haystack: string,
  needles: readonly Needle[],
  publicTexts: readonly string[] = [],
): Hit[] {
  let text = decodeEscapes(haystack);
  // The trial's registered title names both treatments; it tells nothing about anyone's arm.
  for (const p of publicTexts) text = text.replaceAll(p, '');
  const hits: Hit[] = [];
  for (const needle of needles) {
    const pattern = needle.word
      ? new RegExp(`(?<!${wordChar.source})${escapeRegExp(needle.text)}(?!${wordChar.source})`, 'iu')
      : new RegExp(escapeRegExp(needle.text), 'iu');
    const m = pattern.exec(text);
    if (!m) continue;
    const from = Math.max(0, m.index - 60);
    const snippet = text.slice(from, m.index + needle.text.length + 60).replace(/\s+/g, ' ');
    hits.push({ needle, snippet });
  }
  return hits;
}

function decodeEscapes(s: string): string {
  return s
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
