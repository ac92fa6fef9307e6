import {
  appendAuditEvent,
  type Db,
  type Executor,
  field,
  type RowOf,
  schema,
  selectRows,
  withAudit,
} from '@mini-edc/db';
import {
  type AmendmentConflict,
  type AmendmentDraft,
  type AmendmentReview,
  amendmentConflicts,
  type DefinitionChange,
  type DefinitionVersionEntry,
  DomainError,
  diffDefinitions,
  fieldError,
  loadStudyDefinition,
  type PublishedAmendment,
  type StudyDefinition,
} from '@mini-edc/domain';
import { eq, sql } from 'drizzle-orm';
import type { Acting } from './acting';
import { scheduleAddedVisits } from './amendment-visits';
import { todayIn } from './clock';
import type { LockoutPolicy } from './lockout';
import { checkPassword, recordReauthentication } from './password-check';
import { currentDefinition, type StoredDefinition } from './study-definitions';

/**
 * Protocol amendments (R-DEF-5; docs/study-definition.md "Amendments"): a draft definition is
 * stored, compared with the current version and checked against the data already entered, and
 * published as the next version with the password and a reason, audited with its difference.
 */

// Publishing serialises with itself; the version trigger refuses a gap, the primary key a race.
const PUBLISH_LOCK = 74_652_014;

const { formRecords, participants, studyDefinitionDrafts: drafts, studyDefinitions, users, visits } = schema;

const draftShape = {
  id: drafts.id,
  definition: drafts.definition,
  created_at: drafts.createdAt,
  created_by: drafts.createdBy,
  published_version: drafts.publishedVersion,
};
type DraftRow = RowOf<typeof draftShape>;

function draftOf(row: DraftRow): AmendmentDraft {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    publishedVersion: row.published_version,
  };
}

async function draftRow(db: Executor, id: string): Promise<DraftRow> {
  const [row] = await selectRows(
    db,
    draftShape,
    sql`select id, definition, created_at, created_by, published_version
        from study_definition_drafts where id = ${id}::uuid`,
  );
  if (!row) throw new DomainError('NOT_FOUND', 'AMENDMENT_DRAFT_NOT_FOUND');
  return row;
}

async function current(db: Executor): Promise<StoredDefinition> {
  const stored = await currentDefinition(db);
  if (!stored) throw new Error('no study definition is stored');
  return stored;
}

/** Stores a draft (already validated as a whole definition by the route's body schema). */
export async function createDraft(
  db: Db,
  { user, ctx, definition }: Acting & { definition: StudyDefinition },
): Promise<AmendmentDraft> {
  return withAudit(db, ctx, async (tx) => {
    const [row] = await selectRows(
      tx,
      draftShape,
      sql`insert into study_definition_drafts (definition, created_by)
          values (${JSON.stringify(definition)}::jsonb, ${user.id}::uuid)
          returning id, definition, created_at, created_by, published_version`,
    );
    if (!row) throw new Error('draft insert returned nothing');
    await appendAuditEvent(tx, {
      action: 'DEFINITION_DRAFTED',
      tableName: 'study_definition_drafts',
      recordId: row.id,
    });
    return draftOf(row);
  });
}

/** What entered data the changes would break: every record, and every scheduled visit. */
async function conflictsWith(
  db: Executor,
  timeZone: string,
  after: StudyDefinition,
  changes: DefinitionChange[],
): Promise<AmendmentConflict[]> {
  if (changes.length === 0) return [];
  const rows = await selectRows(
    db,
    {
      studyId: participants.studyId,
      visitCode: formRecords.visitCode,
      formCode: formRecords.formCode,
      data: formRecords.data,
      status: formRecords.status,
      screening: participants.screenedAt,
      consent: participants.consentDate,
      randomizedAt: participants.randomizedAt,
    },
    sql`select p.study_id as "studyId", r.visit_code as "visitCode", r.form_code as "formCode", r.data,
               r.status, p.screened_at as screening, p.consent_date as consent, p.randomized_at as "randomizedAt"
        from form_records r join participants p on p.id = r.participant_id
        order by p.study_id, r.visit_code, r.form_code, r.seq`,
  );
  // A completed record is judged for required fields; its dates against the participant's milestones.
  const records = rows.map(({ status, screening, consent, randomizedAt, ...record }) => ({
    ...record,
    complete: status !== 'draft',
    events: { screening, consent, randomization: randomizedAt?.toISOString() ?? null },
  }));
  const scheduledVisits = await selectRows(
    db,
    { studyId: participants.studyId, visitCode: visits.visitCode },
    sql`select p.study_id as "studyId", v.visit_code as "visitCode"
        from visits v join participants p on p.id = v.participant_id order by p.study_id, v.target_date`,
  );
  return amendmentConflicts(after, changes, {
    records,
    scheduledVisits,
    today: todayIn(timeZone),
    timeZone,
  });
}

/** The draft against the current version: the difference and the conflicts with entered data. */
export async function reviewDraft(
  { db, timeZone }: { db: Db; timeZone: string },
  id: string,
): Promise<AmendmentReview> {
  const row = await draftRow(db, id);
  const base = await current(db);
  const draft = loadStudyDefinition(row.definition);
  const changes = diffDefinitions(base.definition, draft);
  return {
    draft: draftOf(row),
    baseVersion: base.version,
    changes,
    conflicts: await conflictsWith(db, timeZone, draft, changes),
  };
}

export async function listVersions(db: Db): Promise<DefinitionVersionEntry[]> {
  const rows = await selectRows(
    db,
    {
      version: studyDefinitions.version,
      published_at: studyDefinitions.publishedAt,
      published_by: field.nullable(users.displayName),
      reason: studyDefinitions.reason,
      diff: studyDefinitions.diff,
    },
    sql`select d.version, d.published_at, coalesce(u.display_name, u.email) as published_by, d.reason, d.diff
        from study_definitions d left join users u on u.id = d.published_by order by d.version`,
  );
  return rows.map((r) => ({
    version: r.version,
    publishedAt: r.published_at.toISOString(),
    publishedBy: r.published_by,
    reason: r.reason,
    changes: r.diff,
  }));
}

/** The refusal naming each record in the way (participant, visit, form, field). */
function conflictRefusal(conflicts: AmendmentConflict[]): DomainError {
  return new DomainError(
    'AMENDMENT_CONFLICTS_WITH_DATA',
    'AMENDMENT_CONFLICTS',
    { count: conflicts.length },
    conflicts.slice(0, 50).map((c) =>
      fieldError(['records', c.studyId, c.visit, c.form, c.field].filter(Boolean).join('.'), c.problem, {
        studyId: c.studyId,
        visit: c.visit,
        form: c.form ?? '',
        field: c.field ?? '',
        value: c.value ?? '',
      }),
    ),
  );
}

export interface PublishEnv {
  db: Db;
  timeZone: string;
  lockout: LockoutPolicy;
}

/**
 * Publishes a draft as the next version after the password is entered again (21 CFR 11.200):
 * refused when nothing changes or entered data would break; otherwise the version, the visits
 * the amendment adds to randomized participants' schedules and the DEFINITION_PUBLISHED event
 * with the difference are written in one transaction.
 */
export async function publishDraft(
  env: PublishEnv,
  {
    user,
    ctx,
    draftId: id,
    input,
  }: Acting & { draftId: string; input: { password: string; reason: string } },
): Promise<PublishedAmendment & { stored: StoredDefinition }> {
  const account = await checkPassword(
    env.db,
    { account: { userId: user.id }, password: input.password, purpose: 'reauthenticate', ctx },
    env.lockout,
  );
  const published = await withAudit(env.db, { ...ctx, reason: input.reason }, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    const row = await draftRow(tx, id);
    if (row.published_version !== null) {
      throw new DomainError('CONFLICT', 'AMENDMENT_ALREADY_PUBLISHED', { version: row.published_version });
    }
    const base = await current(tx);
    const draft = loadStudyDefinition(row.definition);
    const changes = diffDefinitions(base.definition, draft);
    if (changes.length === 0) {
      throw new DomainError('CONFLICT', 'AMENDMENT_UNCHANGED', { version: base.version });
    }
    const conflicts = await conflictsWith(tx, env.timeZone, draft, changes);
    if (conflicts.length > 0) throw conflictRefusal(conflicts);
    const version = base.version + 1;
    await tx.execute(sql`insert into study_definitions (version, definition, reason, diff, published_by)
      values (${version}, ${JSON.stringify(draft)}::jsonb, ${input.reason}, ${JSON.stringify(changes)}::jsonb,
              ${user.id}::uuid)`);
    await tx
      .update(schema.studyDefinitionDrafts)
      .set({ publishedVersion: version })
      .where(eq(schema.studyDefinitionDrafts.id, id));
    const scheduledVisits = await scheduleAddedVisits(tx, {
      definition: draft,
      changes,
      timeZone: env.timeZone,
    });
    await recordReauthentication(tx, account);
    await appendAuditEvent(tx, {
      action: 'DEFINITION_PUBLISHED',
      tableName: 'study_definitions',
      recordId: String(version),
      details: { version, studyId: draft.id, diff: changes, scheduled_visits: scheduledVisits },
    });
    return { version, changes, scheduledVisits };
  });
  return { ...published, stored: await current(env.db) };
}
