import type { Db } from '@mini-edc/db';
import {
  type CsvCell,
  dataDictionaryCsvRows,
  dataDictionaryMarkdown,
  dataDictionaryRows,
  type ExportFormat,
  longCsvHeader,
  longCsvRows,
  neutralizeCsvText,
  odmAdminData,
  odmClinicalDataClose,
  odmClinicalDataOpen,
  odmFooter,
  odmHeader,
  odmSubject,
  plainNumber,
  wideCsvHeader,
  wideCsvRow,
} from '@mini-edc/domain';
import { stringify } from 'csv-stringify/sync';
import {
  auditUsers,
  type BatchCounts,
  type ExportScope,
  exportDefinitionVersions,
  participantBatches,
  scopedSites,
} from './export-source';

/** How each export is served: URL, media type and file name (R-EXPORT-1). */
export const exportFiles: Record<ExportFormat, { path: string; contentType: string; suffix: string }> = {
  wide_csv: { path: '/exports/wide.csv', contentType: 'text/csv; charset=utf-8', suffix: 'wide.csv' },
  long_csv: { path: '/exports/long.csv', contentType: 'text/csv; charset=utf-8', suffix: 'long.csv' },
  dictionary_csv: {
    path: '/exports/dictionary.csv',
    contentType: 'text/csv; charset=utf-8',
    suffix: 'dictionary.csv',
  },
  dictionary_md: {
    path: '/exports/dictionary.md',
    contentType: 'text/markdown; charset=utf-8',
    suffix: 'dictionary.md',
  },
  odm_xml: { path: '/exports/odm.xml', contentType: 'application/xml; charset=utf-8', suffix: 'odm.xml' },
};

export const SOURCE_SYSTEM = 'mini-EDC';
const SOURCE_SYSTEM_VERSION = '0.1.0';

/** What a format writer reports besides its bytes; counts feed the manifest. */
export interface ExportTally extends BatchCounts {
  /** Data rows: CSV rows after the header, ODM SubjectData elements, dictionary variables. */
  rows: number;
}

export interface ExportJob {
  db: Db;
  scope: ExportScope;
  exportId: string;
  startedAt: string;
  tally: ExportTally;
  batchSize?: number;
}

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when needed, UTF-8. A null cell is an empty field,
 * never 0; numbers are written in plain decimal digits (no exponent) so statistics packages read
 * them as numbers; text that a spreadsheet would run as a formula is marked as text
 * (`neutralizeCsvText`, docs/security.md), which the data dictionary explains.
 */
function csv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(rows as CsvCell[][], {
    record_delimiter: 'windows',
    cast: { number: (n) => plainNumber(n), string: neutralizeCsvText },
  });
}

async function* wide(job: ExportJob): AsyncGenerator<string> {
  const { def, opts } = shaping(job);
  yield csv([wideCsvHeader(def, opts)]);
  for await (const batch of participantBatches(job.db, {
    scope: job.scope,
    counts: job.tally,
    size: job.batchSize,
  })) {
    job.tally.rows += batch.length;
    yield csv(batch.map((p) => wideCsvRow(def, p, opts)));
  }
}

async function* long(job: ExportJob): AsyncGenerator<string> {
  const { def, opts } = shaping(job);
  yield csv([longCsvHeader(opts)]);
  for await (const batch of participantBatches(job.db, {
    scope: job.scope,
    counts: job.tally,
    size: job.batchSize,
  })) {
    const rows = batch.flatMap((p) => longCsvRows(def, p, opts));
    job.tally.rows += rows.length;
    if (rows.length > 0) yield csv(rows);
  }
}

async function* dictionaryCsv(job: ExportJob): AsyncGenerator<string> {
  const { def, opts } = shaping(job);
  const rows = dataDictionaryCsvRows(def, opts);
  job.tally.rows = rows.length - 1;
  yield csv(rows);
}

async function* dictionaryMd(job: ExportJob): AsyncGenerator<string> {
  const { def, opts } = shaping(job);
  job.tally.rows = dataDictionaryRows(def, opts).length;
  yield dataDictionaryMarkdown(def, opts);
}

/**
 * ODM 1.3.2 in the XSD's order: Study (one MetaDataVersion per definition version used), AdminData,
 * then one ClinicalData per version with the SubjectData of the records entered under it; the
 * current version's also carries the randomization and every participant (R-DEF-6).
 */
async function* odm(job: ExportJob): AsyncGenerator<string> {
  const { def, opts } = shaping(job);
  const versions = await exportDefinitionVersions(job.db, job.scope);
  yield odmHeader({
    def,
    versions,
    blinded: opts.blinded,
    fileOid: `EXPORT.${job.exportId}`,
    creationDateTime: job.startedAt,
    sourceSystem: SOURCE_SYSTEM,
    sourceSystemVersion: SOURCE_SYSTEM_VERSION,
  });
  const [users, locations] = [await auditUsers(job.db, job.scope), await scopedSites(job.db, job.scope)];
  yield odmAdminData(def, users, locations, { ...opts, versions });
  for (const [i, { version, def: defOfVersion }] of versions.entries()) {
    const current = i === versions.length - 1;
    // The counts of the manifest come from one pass; earlier versions' passes count nothing.
    const tally = current ? job.tally : { participants: 0, records: 0, auditEntries: 0, rows: 0 };
    yield odmClinicalDataOpen(defOfVersion, opts, version);
    for await (const batch of participantBatches(job.db, {
      scope: job.scope,
      counts: tally,
      size: job.batchSize,
    })) {
      tally.rows += batch.length;
      yield batch.map((p) => odmSubject(defOfVersion, p, opts, { version, current })).join('');
    }
    yield current ? odmFooter() : odmClinicalDataClose();
  }
}

function shaping(job: ExportJob) {
  return { def: job.scope.study, opts: { blinded: job.scope.blinded } };
}

export const exportWriters: Record<ExportFormat, (job: ExportJob) => AsyncGenerator<string>> = {
  wide_csv: wide,
  long_csv: long,
  dictionary_csv: dictionaryCsv,
  dictionary_md: dictionaryMd,
  odm_xml: odm,
};

/** Dictionaries describe the study, not its participants: they have no participant counts. */
export const hasParticipantData = (format: ExportFormat) =>
  format !== 'dictionary_csv' && format !== 'dictionary_md';
