import { createHash, randomBytes } from 'node:crypto';
import {
  type AuditContext,
  appendAuditEvent,
  type Db,
  field,
  schema,
  selectRows,
  type Tx,
  withAudit,
} from '@mini-edc/db';
import {
  computeListCommitment,
  DomainError,
  type FieldCode,
  fieldError,
  generateRandomizationList,
  type ListChangePreview,
  planListChange,
  type RandomizationList,
  randomizationParamsFromDefinition,
  type ServerMessageCode,
  type StratumUse,
  segmentOffsets,
  toHex,
  validateRandomizationImport,
} from '@mini-edc/domain';
import { eq, type SQL, sql } from 'drizzle-orm';
import { parseListCsv } from './list-csv';
import type { LockoutPolicy } from './lockout';
import type { ServiceEnv } from './participants';
import { checkPassword, recordReauthentication } from './password-check';
import type { AuthUser } from './sessions';

/**
 * The lists handing out allocations: the active one and the segments it follows (R-RAND-5). A
 * correction appends a segment, so allocation runs over the whole chain in seq order.
 */
export const listsInUse: SQL = sql`(with recursive chain(id) as (
    select id from randomization_lists where active
    union all
    select l.follows_list_id from chain c join randomization_lists l on l.id = c.id
    where l.follows_list_id is not null)
  select id from chain)`;

/** One lock for list changes and allocations: a correction never races a randomization. */
export const LIST_CHANGE_LOCK = 74_652_002;

async function siteStrata(db: Db | Tx): Promise<string[]> {
  const rows = await db.select({ code: schema.sites.code }).from(schema.sites).orderBy(schema.sites.code);
  return rows.map((r) => r.code);
}

/** Slots of a stratum and how many of them are assigned (count(*), count(participant_id)). */
const slotCounts = { total: field.int, assigned: field.int };

async function useOfListInUse(db: Db | Tx): Promise<{ headId: string | null; use: StratumUse[] }> {
  const [head] = await db
    .select({ id: schema.randomizationLists.id })
    .from(schema.randomizationLists)
    .where(eq(schema.randomizationLists.active, true));
  const use = await selectRows(
    db,
    { stratum: schema.randomizationSlots.stratumKey, ...slotCounts },
    sql`select stratum_key as stratum, count(*)::int as total, count(participant_id)::int as assigned
        from randomization_slots where list_id in ${listsInUse} group by stratum_key order by stratum_key`,
  );
  return { headId: head?.id ?? null, use };
}

const asOffsets = (value: unknown): Record<string, number> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number'))
    : {};

export async function listRandomizationLists(env: ServiceEnv): Promise<RandomizationList[]> {
  const lists = await env.db
    .select()
    .from(schema.randomizationLists)
    .orderBy(schema.randomizationLists.createdAt);
  const counts = await selectRows(
    env.db,
    {
      list_id: schema.randomizationSlots.listId,
      stratum_key: schema.randomizationSlots.stratumKey,
      ...slotCounts,
    },
    sql`select list_id, stratum_key, count(*)::int as total, count(participant_id)::int as assigned
        from randomization_slots group by list_id, stratum_key order by stratum_key`,
  );
  const inUse = new Set(
    (
      await selectRows(
        env.db,
        { id: schema.randomizationLists.id },
        sql`select id from randomization_lists where id in ${listsInUse}`,
      )
    ).map((r) => r.id),
  );
  return lists.map((l) => ({
    id: l.id,
    name: l.name,
    method: l.method as RandomizationList['method'],
    commitment: l.commitment,
    active: l.active,
    createdAt: l.createdAt.toISOString(),
    params: l.params as Record<string, unknown>,
    strata: counts
      .filter((c) => c.list_id === l.id)
      .map((c) => ({ stratum: c.stratum_key, total: c.total, assigned: c.assigned })),
    followsListId: l.followsListId,
    seqOffsets: asOffsets(l.seqOffsets),
    reason: l.reason,
    inUse: inUse.has(l.id),
  }));
}

/** What a correction brings: the reason and password again, and optionally the strata it covers. */
export interface ListChangeInput {
  reason?: string | undefined;
  password?: string | undefined;
  strata?: string[] | undefined;
}

export interface ListEnv extends ServiceEnv {
  user?: AuthUser;
  lockout?: LockoutPolicy;
}

/** A refusal naming its field, with the field's code for the web (docs/errors.md, "Field codes"). */
const fieldRefusal = (
  path: string,
  code: FieldCode,
  messageCode: ServerMessageCode,
  params: Record<string, string | number> = {},
) => new DomainError('VALIDATION_FAILED', messageCode, params, [fieldError(path, code, params)]);

/** The strata a new list or segment covers: every site's for a first list, a chosen few for a correction. */
async function targetStrata(db: Db | Tx, input: ListChangeInput, correction: boolean): Promise<string[]> {
  const all = await siteStrata(db);
  if (input.strata === undefined) return all;
  const unknown = input.strata.filter((s) => !all.includes(s));
  if (unknown.length > 0) {
    throw fieldRefusal('body.strata', 'STRATUM_UNKNOWN', 'LIST_STRATA_UNKNOWN', {
      strata: unknown.join(', '),
    });
  }
  // A first list stops every site it leaves out (R-RAND-5).
  if (!correction && all.some((s) => !input.strata?.includes(s))) {
    throw fieldRefusal('body.strata', 'FIRST_LIST_ALL_STRATA', 'LIST_FIRST_ALL_STRATA');
  }
  return all.filter((s) => input.strata?.includes(s));
}

/** Previews a list change: per stratum, slots used, remaining and appended, and strata added. */
export async function previewListChange(
  env: ServiceEnv,
  input: { method: 'generated' | 'imported'; csv?: string | undefined; strata?: string[] | undefined },
): Promise<ListChangePreview> {
  const { headId, use } = await useOfListInUse(env.db);
  const correction = headId !== null;
  const strata = await targetStrata(env.db, input, correction);
  const incoming: Record<string, number> = {};
  if (input.method === 'generated') {
    const { slotsPerStratum } = randomizationParamsFromDefinition(env.study);
    for (const s of strata) incoming[s] = slotsPerStratum;
  } else {
    if (input.csv === undefined) throw fieldRefusal('body.csv', 'CSV_REQUIRED', 'LIST_CSV_REQUIRED');
    for (const r of validatedImport(env, input.csv, strata))
      incoming[r.stratumKey] = (incoming[r.stratumKey] ?? 0) + 1;
  }
  const planned = planListChange(correction ? use : [], incoming);
  const all = await siteStrata(env.db);
  const covered = new Set(use.map((u) => u.stratum));
  return {
    correction,
    atLeast: input.method === 'generated',
    strata: planned,
    uncovered: all.filter((s) => !covered.has(s)),
  };
}

function validatedImport(env: ServiceEnv, csv: string, strata: string[]) {
  const params = randomizationParamsFromDefinition(env.study);
  const result = validateRandomizationImport(parseListCsv(csv), {
    arms: params.arms,
    ratio: params.ratio,
    strata,
  });
  if (!result.ok) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'LIST_PROBLEMS',
      { count: result.errors.length },
      result.errors.slice(0, 50).map((e) => fieldError(`body.csv.row${e.row}.${e.field}`, e.code, e.params)),
    );
  }
  return result.rows;
}

type Slot = {
  stratumKey: string;
  seq: number;
  blockNo: number | null;
  blockSize: number | null;
  posInBlock: number | null;
  arm: string;
};

type Header = { name: string; method: 'generated' | 'imported'; params: object; commitment: string };

/**
 * Stores a list. With none in use it is the first list. Otherwise it is a correction (R-RAND-5):
 * admin only (the route), the password entered again (counted towards the one lockout), a reason,
 * and its slots appended as a segment after the list in use, each stratum's seq continuing, in one
 * transaction with its audit rows.
 */
async function storeList(
  env: ListEnv,
  ctx: AuditContext,
  input: ListChangeInput,
  build: (strata: string[]) => { header: Header; slots: Slot[] },
) {
  const correction = (await useOfListInUse(env.db)).headId !== null;
  const strata = await targetStrata(env.db, input, correction);
  const { header, slots } = build(strata);
  let account: Awaited<ReturnType<typeof checkPassword>> | null = null;
  if (correction) {
    if (!input.reason) {
      throw fieldRefusal('body.reason', 'CORRECTION_REASON_REQUIRED', 'LIST_CORRECTION_REASON');
    }
    if (!input.password || !env.user || !env.lockout) {
      throw fieldRefusal('body.password', 'CORRECTION_PASSWORD_REQUIRED', 'LIST_CORRECTION_PASSWORD');
    }
    account = await checkPassword(
      env.db,
      { account: { userId: env.user.id }, password: input.password, purpose: 'reauthenticate', ctx },
      env.lockout,
    );
  }
  const id = await withAudit(
    env.db,
    correction ? { ...ctx, reason: input.reason ?? null } : ctx,
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LIST_CHANGE_LOCK})`);
      const { headId, use } = await useOfListInUse(tx);
      if ((headId !== null) !== correction) {
        throw new DomainError('CONFLICT', 'LIST_CHANGED_MEANWHILE');
      }
      const offsets = headId === null ? {} : segmentOffsets(use, strata);
      await tx
        .update(schema.randomizationLists)
        .set({ active: false })
        .where(eq(schema.randomizationLists.active, true));
      const [list] = await tx
        .insert(schema.randomizationLists)
        .values({
          ...header,
          active: true,
          followsListId: headId,
          seqOffsets: offsets,
          reason: headId === null ? null : (input.reason ?? null),
        })
        .returning();
      if (!list) throw new Error('list insert returned nothing');
      const rows = slots.map((s) => ({ ...s, seq: s.seq + (offsets[s.stratumKey] ?? 0), listId: list.id }));
      for (let i = 0; i < rows.length; i += 500) {
        await tx.insert(schema.randomizationSlots).values(rows.slice(i, i + 500));
      }
      if (headId !== null && account) {
        await recordReauthentication(tx, account);
        // Counts and positions only: never an arm or a block of the slots to come (R-RAND-4).
        await appendAuditEvent(tx, {
          action: 'RANDOMIZATION_LIST_CORRECTED',
          tableName: 'randomization_lists',
          recordId: list.id,
          details: {
            follows_list_id: headId,
            method: header.method,
            commitment: header.commitment,
            plan: planListChange(use, countByStratum(slots)),
          },
        });
      }
      return list.id;
    },
  );
  const [list] = (await listRandomizationLists(env)).filter((l) => l.id === id);
  if (!list) throw new Error('list vanished');
  return list;
}

function countByStratum(slots: readonly Slot[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of slots) counts[s.stratumKey] = (counts[s.stratumKey] ?? 0) + 1;
  return counts;
}

/**
 * Generates a stratified permuted-block list from 32 cryptographically random bytes (protocol
 * protocol §4.2). Only the commitment is stored; the seed is returned once for the statistician.
 */
export async function generateList(
  env: ListEnv,
  { ctx, name, input = {} }: { ctx: AuditContext; name: string; input?: ListChangeInput },
) {
  const seed = new Uint8Array(randomBytes(32));
  const list = await storeList(env, ctx, input, (strata) => {
    const params = { ...randomizationParamsFromDefinition(env.study), strata };
    return {
      header: { name, method: 'generated', params, commitment: computeListCommitment(seed, params) },
      slots: generateRandomizationList(seed, params).map((r) => ({ ...r })),
    };
  });
  return { list, seedHex: toHex(seed) };
}

/** Imports a statistician's list (the usual practice); its SHA-256 is the commitment (protocol §4.2). */
export async function importList(
  env: ListEnv,
  { ctx, name, csv, input = {} }: { ctx: AuditContext; name: string; csv: string; input?: ListChangeInput },
) {
  const params = randomizationParamsFromDefinition(env.study);
  return storeList(env, ctx, input, (strata) => ({
    header: {
      name,
      method: 'imported',
      params: { ...params, strata, source: 'csv' },
      commitment: createHash('sha256').update(csv).digest('hex'),
    },
    slots: validatedImport(env, csv, strata).map((r) => ({
      stratumKey: r.stratumKey,
      seq: r.seq,
      blockNo: r.blockNo ?? null,
      blockSize: r.blockSize ?? null,
      posInBlock: null,
      arm: r.arm,
    })),
  }));
}

/** Assigned rows only: what comes next is never shown (protocol §4.3 concealment). */
export async function assignedSlots(env: ServiceEnv, listId: string) {
  return selectRows(
    env.db,
    {
      stratum: schema.randomizationSlots.stratumKey,
      seq: schema.randomizationSlots.seq,
      arm: schema.randomizationSlots.arm,
      studyId: schema.participants.studyId,
      // The instant as the list file writes it, in UTC to the millisecond.
      assignedAt: field.text,
    },
    sql`select rs.stratum_key as stratum, rs.seq, rs.arm, p.study_id as "studyId",
               to_char(rs.assigned_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "assignedAt"
        from randomization_slots rs join participants p on p.id = rs.participant_id
        where rs.list_id = ${listId}::uuid order by rs.stratum_key, rs.seq`,
  );
}
