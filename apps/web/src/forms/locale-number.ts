/**
 * Numbers as people type them: the decimal separator of the interface language ("80,5" in
 * Turkish, "80.5" in English). The other separator is refused (NaN, so the form names the field)
 * rather than guessed: in Turkish "1.500" is fifteen hundred, in English "1,500" too, and a weight
 * of 80,5 kg must never be read as 805. No grouping separators are accepted.
 */
const separatorOf = (language: string) => (language === 'tr' ? ',' : '.');

export function parseLocaleNumber(text: string, language: string): number {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  const separator = separatorOf(language);
  const pattern = separator === ',' ? /^[+-]?\d+(,\d+)?$/ : /^[+-]?\d+(\.\d+)?$/;
  if (!pattern.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

/** A stored number as the input shows it in the interface language (no grouping). */
export function formatLocaleNumber(value: number, language: string): string {
  const text = String(value);
  return separatorOf(language) === ',' ? text.replace('.', ',') : text;
}
