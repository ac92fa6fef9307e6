import { DomainError } from '@mini-edc/domain';
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
      { path: 'body.csv', message: error instanceof Error ? error.message : 'not valid CSV' },
    ]);
  }
}
