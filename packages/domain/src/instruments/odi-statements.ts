import { z } from 'zod';
import type { FieldError } from '../contracts/errors';
import { fieldError } from '../contracts/field-messages';

/**
 * The ODI statements a study may load as data (protocol §3.4, docs/requirements.md): the texts are
 * licensed (Mapi Research Trust), so the repository never holds them; an admin uploads the study's
 * licensed copy, six statements (scored 0–5) for each of the ten sections, per language. The form
 * then offers each section's statements as its answers; without them it shows the digits.
 */
export const odiStatementLanguages = ['en', 'tr'] as const;
export type OdiStatementLanguage = (typeof odiStatementLanguages)[number];
export const ODI_SECTION_COUNT = 10;
export const ODI_STATEMENTS_PER_SECTION = 6;
const TEXT_MAX = 400;

export const odiStatementRowSchema = z.strictObject({
  section: z.int().min(1).max(ODI_SECTION_COUNT),
  index: z
    .int()
    .min(0)
    .max(ODI_STATEMENTS_PER_SECTION - 1),
  language: z.enum(odiStatementLanguages),
  text: z.string().trim().min(1).max(TEXT_MAX),
});
export type OdiStatementRow = z.infer<typeof odiStatementRowSchema>;

/** Either rows as JSON or the same columns as CSV (section,index,language,text). */
export const odiStatementUploadSchema = z.strictObject({
  statements: z
    .array(odiStatementRowSchema)
    // Room for a few rows given twice, so the refusal can name them.
    .max(2 * ODI_SECTION_COUNT * ODI_STATEMENTS_PER_SECTION * odiStatementLanguages.length)
    .optional(),
  csv: z.string().max(200_000).optional(),
});
export type OdiStatementUpload = z.infer<typeof odiStatementUploadSchema>;

/** One language's statements: `sections[s - 1][i]` is statement i (score i) of section s. */
export type OdiStatementSections = string[][];

export const odiStatementSetSchema = z.object({
  /** Per language loaded; a language absent shows the digits. */
  languages: z.partialRecord(z.enum(odiStatementLanguages), z.array(z.array(z.string()))),
  loadedAt: z.string().nullable(),
});
export type OdiStatementSet = z.infer<typeof odiStatementSetSchema>;

/**
 * The complete sections of each language the rows give, or the refusals: a statement given
 * twice, a language with a statement missing, or no rows at all. Each refusal is a code with
 * parameters under `path` (docs/errors.md, "Field codes").
 */
export function odiStatementSections(
  rows: readonly OdiStatementRow[],
  path = 'body.statements',
):
  | { ok: true; languages: Partial<Record<OdiStatementLanguage, OdiStatementSections>> }
  | { ok: false; issues: FieldError[] } {
  const issues: FieldError[] = [];
  const byLanguage = new Map<OdiStatementLanguage, (string | undefined)[][]>();
  for (const row of rows) {
    let sections = byLanguage.get(row.language);
    if (!sections) {
      sections = Array.from({ length: ODI_SECTION_COUNT }, () =>
        Array<string | undefined>(ODI_STATEMENTS_PER_SECTION).fill(undefined),
      );
      byLanguage.set(row.language, sections);
    }
    const section = sections[row.section - 1];
    if (!section) continue;
    if (section[row.index] !== undefined) {
      const params = { language: row.language, section: row.section, index: row.index };
      issues.push(fieldError(path, 'ODI_STATEMENT_TWICE', params));
    }
    section[row.index] = row.text;
  }
  if (byLanguage.size === 0) {
    issues.push(fieldError(path, 'ODI_STATEMENTS_NONE'));
  }
  const languages: Partial<Record<OdiStatementLanguage, OdiStatementSections>> = {};
  for (const [language, sections] of byLanguage) {
    const missing = sections.flatMap((s, si) =>
      s.flatMap((text, index) => (text === undefined ? [{ section: si + 1, index }] : [])),
    );
    const first = missing[0];
    if (first) {
      const params = { language, missing: missing.length, section: first.section, index: first.index };
      issues.push(fieldError(path, 'ODI_STATEMENTS_INCOMPLETE', params));
      continue;
    }
    languages[language] = sections.map((s) => s.map((text) => text ?? ''));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, languages };
}

/** Rows from CSV records keyed by lower-case column name, or the refusals by line. */
export function odiStatementRowsFromRecords(
  records: readonly Record<string, string>[],
): { ok: true; rows: OdiStatementRow[] } | { ok: false; issues: FieldError[] } {
  const rows: OdiStatementRow[] = [];
  const issues: FieldError[] = [];
  records.forEach((record, i) => {
    const parsed = odiStatementRowSchema.safeParse({
      section: Number(record.section),
      index: Number(record.index),
      language: record.language,
      text: record.text ?? '',
    });
    if (parsed.success) rows.push(parsed.data);
    else {
      // Line 1 is the header.
      const line = i + 2;
      const column = String(parsed.error.issues[0]?.path[0] ?? 'text');
      issues.push(fieldError('body.csv', 'ODI_STATEMENT_LINE_INVALID', { line, column }));
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}
