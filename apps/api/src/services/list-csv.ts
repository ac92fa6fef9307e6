import { DomainError, fieldError } from '@mini-edc/domain';
import { parse } from 'csv-parse/sync';

/**
 * A randomization list file as records keyed by lower-case column name. The import and the
 * allocation verification (and the command-line verifier) parse it the same way.
 */
export function parseListCsv(csv: string): Record<string, string>[] {
  try {
    return parse(csv, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', 'LIST_CSV_INVALID', {}, [
      fieldError('body.csv', 'CSV_INVALID', { line: csvErrorLine(error) }),
    ]);
  }
}

/** The line csv-parse stopped at (its errors carry `lines`), or 1 when it gives none. */
function csvErrorLine(error: unknown): number {
  const lines = typeof error === 'object' && error !== null && 'lines' in error ? error.lines : undefined;
  return typeof lines === 'number' && lines > 0 ? lines : 1;
}
