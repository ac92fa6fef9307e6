import {
  appendAuditEvent,
  type Db,
  type Executor,
  field,
  type RowOf,
  SYSTEM_ACTOR,
  schema,
  selectRows,
  withAudit,
} from '@mini-edc/db';
import { loadStudyDefinition, type StudyDefinition } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';

/**
 * The study definition as immutable numbered versions in the database (R-DEF-2). The compiled
 * definition of the trial only seeds version 1; from then on the database is the definition.
 */
export interface StoredDefinition {
  version: number;
  publishedAt: string;
  definition: StudyDefinition;
}

const { studyDefinitions } = schema;

const definitionRow = {
  version: studyDefinitions.version,
  published_at: studyDefinitions.publishedAt,
  definition: studyDefinitions.definition,
};

function storedOf(row: RowOf<typeof definitionRow>): StoredDefinition {
  return {
    version: row.version,
    publishedAt: row.published_at.toISOString(),
    // Validated again on the way out: a definition that does not load fails loudly at start-up.
    definition: loadStudyDefinition(row.definition),
  };
}

/** The newest version, if any was published. */
export async function currentDefinition(db: Executor): Promise<StoredDefinition | undefined> {
  const [row] = await selectRows(
    db,
    definitionRow,
    sql`select version, published_at, definition from study_definitions order by version desc limit 1`,
  );
  return row ? storedOf(row) : undefined;
}

/** The number of the newest version (1 before any is stored: the seed). */
export async function currentDefinitionVersion(db: Executor): Promise<number> {
  const [row] = await selectRows(
    db,
    { version: field.nullable(field.int) },
    sql`select max(version) as version from study_definitions`,
  );
  return row?.version ?? 1;
}

/**
 * The current definition, storing `seed` as version 1 (audited as DEFINITION_PUBLISHED) when the
 * database holds none yet. Several processes starting at once store it once: the loser of the
 * race reads the winner's row.
 */
export async function loadOrSeedDefinition(db: Db, seed: StudyDefinition): Promise<StoredDefinition> {
  const existing = await currentDefinition(db);
  if (existing) return existing;
  await withAudit(
    db,
    { ...SYSTEM_ACTOR, reason: 'version 1 seeded from the compiled study definition' },
    async (tx) => {
      const inserted = await selectRows(
        tx,
        { version: studyDefinitions.version },
        sql`insert into study_definitions (version, definition, reason)
          values (1, ${JSON.stringify(seed)}::jsonb, 'Version 1 (seeded from the compiled study definition)')
          on conflict (version) do nothing returning version`,
      );
      if (inserted.length > 0) {
        await appendAuditEvent(tx, {
          action: 'DEFINITION_PUBLISHED',
          tableName: 'study_definitions',
          recordId: '1',
          details: { version: 1, studyId: seed.id, diff: [] },
        });
      }
    },
  );
  const stored = await currentDefinition(db);
  if (!stored) throw new Error('the study definition could not be stored');
  return stored;
}
