import type { StudyDefinition } from '../study/definition-schema';

/**
 * The audit review's field search by words (docs/requirements.md R-AUDIT-5): a monitor types part of
 * a field's label in either language ("pain", "ağrı") or of its name, and the search names the
 * audit paths of the matching fields of the study definition ("data.vas_mm"), which the API then
 * looks up with the index over changed field names. Case, Turkish dotted and dotless i and
 * diacritics are folded, so "AGRI", "ağrı" and "Ağrı" find the same field.
 */
export function foldForSearch(text: string): string {
  return text.toLocaleLowerCase('tr').normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').trim();
}

export function auditFieldPathsMatching(def: StudyDefinition, text: string): string[] {
  const wanted = foldForSearch(text);
  if (!wanted) return [];
  const paths = new Set<string>();
  for (const form of def.forms) {
    for (const field of form.fields) {
      const words = [field.name, field.label.en, field.label.tr, `data.${field.name}`];
      if (words.some((w) => foldForSearch(w).includes(wanted))) paths.add(`data.${field.name}`);
    }
  }
  return [...paths].sort();
}
