import { type Executor, field, schema, selectRows, withAudit } from '@mini-edc/db';
import {
  blindViewFor,
  type CreateQueryRequest,
  can,
  type DataQuery,
  DomainError,
  fieldError,
  fieldOfFormVisible,
  formsWithQueriesFor,
  type QueryCounts,
  type QueryStatus,
  type ServerMessageCode,
  type StudyDefinition,
} from '@mini-edc/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Acting } from './acting';
import type { ServiceEnv } from './participants';
import { selectQueries } from './query-views';
import { inUserSites } from './scope';
import type { AuthUser } from './sessions';

/**
 * Data queries (R-MON-1): a question on one field of one record, opened by
 * a monitor (or by an investigator as a self-check), answered by the site, closed or reopened by
 * the monitor. Corrections go through the form save with a reason for change, never through here.
 * Every step is a row change in data_queries/query_messages, so the triggers audit it.
 */

const { dataQueries, formRecords, participants, sites } = schema;

const notFound = () => new DomainError('NOT_FOUND', 'QUERY_NOT_FOUND');

/**
 * Unresolved queries (open or answered) on a record. A record with one cannot be signed; the
 * signing service calls this inside its transaction.
 */
export async function openQueryCount(tx: Executor, recordId: string): Promise<number> {
  const [row] = await selectRows(
    tx,
    { n: field.int },
    sql`select count(*)::int as n from data_queries
        where record_id = ${recordId}::uuid and status in ('open', 'answered')`,
  );
  return row?.n ?? 0;
}

/**
 * The caller's queries as SQL on q (site scope) and fr (the record). A blinded caller sees only
 * queries on visible fields of the outcome forms (R-BLIND-3); other ids answer 404.
 */
function queryScope(user: AuthUser, study: StudyDefinition): SQL {
  const sites = inUserSites(sql`q.site_id`, user);
  const view = blindViewFor(user, study);
  if (view === null) return sites;
  const forms = formsWithQueriesFor(view, study);
  if (forms.length === 0) return sql`false`;
  const hiddenFields = [...view.revealingFields].flatMap(([form, fields]) =>
    [...fields].map((field) => sql`(fr.form_code = ${form} and q.field = ${field})`),
  );
  const notHidden = hiddenFields.length ? sql` and not (${sql.join(hiddenFields, sql` or `)})` : sql``;
  return sql`${sites} and fr.form_code in (${sql.join(
    forms.map((f) => sql`${f}`),
    sql`, `,
  )})${notHidden}`;
}

export async function listQueries(
  env: ServiceEnv,
  user: AuthUser,
  filter: { status?: QueryStatus | undefined; participantId?: string | undefined },
): Promise<DataQuery[]> {
  const where = [queryScope(user, env.study)];
  if (filter.status) where.push(sql`q.status = ${filter.status}`);
  if (filter.participantId) where.push(sql`q.participant_id = ${filter.participantId}::uuid`);
  return selectQueries(env.db, sql.join(where, sql` and `));
}

async function getQuery(env: ServiceEnv, user: AuthUser, id: string): Promise<DataQuery> {
  const [query] = await selectQueries(env.db, sql`q.id = ${id}::uuid and ${queryScope(user, env.study)}`);
  if (!query) throw notFound();
  return query;
}

export async function createQuery(
  env: ServiceEnv,
  { user, ctx, input }: Acting & { input: CreateQueryRequest },
): Promise<DataQuery> {
  const id = await withAudit(env.db, ctx, async (tx) => {
    const [record] = await selectRows(
      tx,
      {
        participant_id: formRecords.participantId,
        site_id: formRecords.siteId,
        form_code: formRecords.formCode,
        status: formRecords.status,
      },
      sql`select participant_id, site_id, form_code, status from form_records fr
          where fr.id = ${input.recordId}::uuid and ${inUserSites(sql`fr.site_id`, user)}`,
    );
    // A blinded viewer raises queries only where they may read them (queryScope).
    const view = blindViewFor(user, env.study);
    const discussed = (code: string) => view === null || formsWithQueriesFor(view, env.study).includes(code);
    if (!record || !discussed(record.form_code)) {
      throw new DomainError('NOT_FOUND', 'RECORD_NOT_FOUND');
    }
    const form = env.study.forms.find((f) => f.code === record.form_code);
    // A field hidden from the viewer is refused like a field the form does not have (R-BLIND-2).
    if (!form?.fields.some((f) => f.name === input.field && fieldOfFormVisible(view, form.code, f.name))) {
      throw new DomainError('VALIDATION_FAILED', 'QUERY_FIELD_UNKNOWN', {}, [
        fieldError('body.field', 'FIELD_UNKNOWN'),
      ]);
    }
    if (record.status === 'locked') {
      throw new DomainError('RECORD_LOCKED', 'QUERY_RECORD_LOCKED');
    }
    const [query] = await tx
      .insert(schema.dataQueries)
      .values({
        recordId: input.recordId,
        participantId: record.participant_id,
        siteId: record.site_id,
        field: input.field,
        openedBy: user.id,
      })
      .returning({ id: schema.dataQueries.id });
    if (!query) throw new Error('query insert returned nothing');
    await tx.insert(schema.queryMessages).values({
      queryId: query.id,
      participantId: record.participant_id,
      siteId: record.site_id,
      authorId: user.id,
      authorRole: user.role,
      kind: 'open',
      message: input.message,
    });
    return query.id;
  });
  return getQuery(env, user, id);
}

type QueryStep = 'answer' | 'close' | 'reopen';

interface QueryStepCall extends Acting {
  queryId: string;
  step: QueryStep;
  message: string | undefined;
}

/** Which status each step leads to, and from which statuses it may start. */
const steps: Record<QueryStep, { to: QueryStatus; from: QueryStatus[]; refusal: ServerMessageCode }> = {
  answer: {
    to: 'answered',
    from: ['open', 'answered'],
    refusal: 'QUERY_CLOSED',
  },
  close: { to: 'closed', from: ['open', 'answered'], refusal: 'QUERY_ALREADY_CLOSED' },
  reopen: { to: 'open', from: ['closed'], refusal: 'QUERY_REOPEN_ONLY_CLOSED' },
};

export async function stepQuery(
  env: ServiceEnv,
  { user, ctx, queryId: id, step, message }: QueryStepCall,
): Promise<DataQuery> {
  await withAudit(env.db, ctx, async (tx) => {
    const [query] = await selectRows(
      tx,
      {
        status: dataQueries.status,
        opened_by: dataQueries.openedBy,
        version: dataQueries.version,
        participant_id: dataQueries.participantId,
        site_id: dataQueries.siteId,
      },
      sql`select q.status, q.opened_by::text as opened_by, q.version, q.participant_id, q.site_id
          from data_queries q join form_records fr on fr.id = q.record_id
          where q.id = ${id}::uuid and ${queryScope(user, env.study)}
          for update of q`,
    );
    if (!query) throw notFound();
    // A monitor closes any query; an investigator only the self-check queries they opened.
    if (step === 'close' && !can(user, 'close_query') && query.opened_by !== user.id) {
      throw new DomainError('FORBIDDEN', 'QUERY_CLOSE_OWN_ONLY');
    }
    const rule = steps[step];
    if (!rule.from.includes(query.status)) throw new DomainError('CONFLICT', rule.refusal);
    await tx
      .update(schema.dataQueries)
      .set({
        status: rule.to,
        closedAt: rule.to === 'closed' ? new Date() : null,
        version: query.version + 1,
      })
      .where(eq(schema.dataQueries.id, id));
    await tx.insert(schema.queryMessages).values({
      queryId: id,
      participantId: query.participant_id,
      siteId: query.site_id,
      authorId: user.id,
      authorRole: user.role,
      kind: step,
      message: message ?? '',
    });
  });
  return getQuery(env, user, id);
}

const countRow = { open: field.int, answered: field.int };

export async function queryCounts(env: ServiceEnv, user: AuthUser): Promise<QueryCounts> {
  const unresolved = sql`${queryScope(user, env.study)} and q.status in ('open', 'answered')`;
  const counted = sql`count(*) filter (where q.status = 'open')::int as open,
                      count(*) filter (where q.status = 'answered')::int as answered`;
  const [byParticipant, bySite] = await Promise.all([
    selectRows(
      env.db,
      { participant_id: dataQueries.participantId, study_id: participants.studyId, ...countRow },
      sql`select q.participant_id, p.study_id, ${counted}
          from data_queries q join form_records fr on fr.id = q.record_id
          join participants p on p.id = q.participant_id
          where ${unresolved} group by q.participant_id, p.study_id order by p.study_id`,
    ),
    selectRows(
      env.db,
      { site_id: dataQueries.siteId, site_code: sites.code, ...countRow },
      sql`select q.site_id, s.code as site_code, ${counted}
          from data_queries q join form_records fr on fr.id = q.record_id
          join sites s on s.id = q.site_id
          where ${unresolved} group by q.site_id, s.code order by s.code`,
    ),
  ]);
  const sum = (key: 'open' | 'answered') => bySite.reduce((n, r) => n + r[key], 0);
  return {
    total: { open: sum('open'), answered: sum('answered') },
    byParticipant: byParticipant.map((r) => ({
      participantId: r.participant_id,
      studyId: r.study_id,
      open: r.open,
      answered: r.answered,
    })),
    bySite: bySite.map((r) => ({
      siteId: r.site_id,
      siteCode: r.site_code,
      open: r.open,
      answered: r.answered,
    })),
  };
}
