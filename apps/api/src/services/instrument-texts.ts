import { createHash } from 'node:crypto';
import { appendAuditEvent, type Db, type Executor, schema, selectRows, withAudit } from '@mini-edc/db';
import {
  DomainError,
  fieldError,
  type OdiStatementLanguage,
  type OdiStatementRow,
  type OdiStatementSet,
  type OdiStatementUpload,
  odiStatementLanguages,
  odiStatementRowsFromRecords,
  odiStatementSections,
} from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import type { Acting } from './acting';
import { parseListCsv } from './list-csv';

/**
 * The study's licensed ODI statements, loaded as data (protocol §3.4; docs/study-definition.md,
 * "Instrument texts"). Never in the repository, never in exports or the audit trail: the audit
 * event names the languages and a digest of each, so a load is traceable without the text.
 */
const instrument = 'oswestry_disability_index';

const { instrumentTexts } = schema;

const textsRow = {
  language: instrumentTexts.language,
  texts: instrumentTexts.texts,
  loaded_at: instrumentTexts.loadedAt,
};

function isLanguage(value: string): value is OdiStatementLanguage {
  return (odiStatementLanguages as readonly string[]).includes(value);
}

function isSections(value: unknown): value is string[][] {
  return (
    Array.isArray(value) &&
    value.every((s) => Array.isArray(s) && s.every((text) => typeof text === 'string'))
  );
}

/** The statements in force: the newest load of each language. */
export async function currentOdiStatements(db: Executor): Promise<OdiStatementSet> {
  const rows = await selectRows(
    db,
    textsRow,
    sql`select distinct on (language) language, texts, loaded_at from instrument_texts
        where instrument = ${instrument} order by language, id desc`,
  );
  const set: OdiStatementSet = { languages: {}, loadedAt: null };
  for (const row of rows) {
    if (!isLanguage(row.language) || !isSections(row.texts)) continue;
    set.languages[row.language] = row.texts;
    const at = row.loaded_at.toISOString();
    if (!set.loadedAt || at > set.loadedAt) set.loadedAt = at;
  }
  return set;
}

function rowsOf(upload: OdiStatementUpload): OdiStatementRow[] {
  if ((upload.statements === undefined) === (upload.csv === undefined)) {
    throw DomainError.coded('VALIDATION_FAILED', 'ODI_STATEMENTS_NOT_LOADED', {}, [
      fieldError('body', 'ODI_STATEMENTS_ONE_FORMAT'),
    ]);
  }
  if (upload.statements) return upload.statements;
  const parsed = odiStatementRowsFromRecords(parseListCsv(upload.csv ?? ''));
  if (!parsed.ok)
    throw DomainError.coded('VALIDATION_FAILED', 'ODI_STATEMENTS_NOT_LOADED', {}, parsed.issues);
  return parsed.rows;
}

/**
 * Loads complete languages (six statements for each of the ten sections) in one transaction with
 * its audit event; a language not in the upload keeps what it had.
 */
export async function loadOdiStatements(
  db: Db,
  { user, ctx, upload }: Acting & { upload: OdiStatementUpload },
): Promise<OdiStatementSet> {
  const path = upload.csv !== undefined ? 'body.csv' : 'body.statements';
  const checked = odiStatementSections(rowsOf(upload), path);
  if (!checked.ok) {
    throw DomainError.coded('VALIDATION_FAILED', 'ODI_STATEMENTS_NOT_LOADED', {}, checked.issues);
  }
  return withAudit(db, ctx, async (tx) => {
    const digests: Record<string, string> = {};
    for (const language of odiStatementLanguages) {
      const sections = checked.languages[language];
      if (!sections) continue;
      const json = JSON.stringify(sections);
      digests[language] = createHash('sha256').update(json).digest('hex');
      await tx.execute(
        sql`insert into instrument_texts (instrument, language, texts, loaded_by)
            values (${instrument}, ${language}, ${json}::jsonb, ${user.id}::uuid)`,
      );
    }
    await appendAuditEvent(tx, {
      action: 'INSTRUMENT_TEXTS_LOADED',
      tableName: 'instrument_texts',
      recordId: instrument,
      details: { instrument, languages: Object.keys(digests), sha256: digests },
    });
    return currentOdiStatements(tx);
  });
}
