import { createHash } from 'node:crypto';
import { field, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newSite } from '../src/seed/factories';
import { auditPageRows, auditPageSql } from '../src/services/audit-review';
import { recordHistorySql } from '../src/services/records';
import { buildTestApp, type TestContext } from './helpers';

/**
 * Audit review stays an index lookup on a large trail: the log is seeded with
 * many rows (append-only triggers on; inserts are allowed), analysed, and the plans of the exact
 * SQL the service issues must read audit_log through the index each filter was made for (scan
 * type and index name). PGlite seeds fewer rows so the file stays fast, with the same plans.
 */
const ROWS = testDbKind() === 'pg' ? 200_000 : 20_000;

let t: TestContext;
/** The record id of seeded row g, as the seed writes it. */
const md5Uuid = (g: number) => {
  const hex = createHash('md5').update(String(g)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
let siteA: string;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  Plans?: PlanNode[];
}

const planNode: z.ZodType<PlanNode> = z.lazy(() =>
  z.object({
    'Node Type': z.string(),
    'Relation Name': z.string().optional(),
    'Index Name': z.string().optional(),
    'Scan Direction': z.string().optional(),
    Plans: z.array(planNode).optional(),
  }),
);
const explainOutput = z.array(z.object({ Plan: planNode }));

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(query: ReturnType<typeof sql>): Promise<PlanNode[]> {
  const [row] = await selectRows(t.db.db, { 'QUERY PLAN': field.json }, sql`explain (format json) ${query}`);
  const raw = row?.['QUERY PLAN'];
  const parsed = explainOutput.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
  const root = parsed[0]?.Plan;
  if (!root) throw new Error('no plan');
  return nodes(root);
}

/**
 * How the plan reads audit_log, one entry per access: "<scan type> <index>", e.g. "Bitmap Index
 * Scan audit_log_participant_idx" (a bitmap heap scan is named by the index scans under it) or
 * "Index Scan Backward audit_log_pkey". A sequential scan shows as "Seq Scan".
 */
function auditAccess(plan: PlanNode[]): string[] {
  return plan
    .filter((n) => n['Relation Name'] === 'audit_log')
    .map((n) => {
      if (n['Node Type'] === 'Bitmap Heap Scan') {
        return nodes(n)
          .filter((c) => c['Node Type'] === 'Bitmap Index Scan')
          .map((c) => `Bitmap Index Scan ${c['Index Name']}`)
          .join(' + ');
      }
      const direction = n['Scan Direction'] === 'Backward' ? ' Backward' : '';
      return `${n['Node Type']}${direction} ${n['Index Name'] ?? ''}`.trim();
    });
}

beforeAll(async () => {
  t = await buildTestApp();
  siteA = (await newSite(t.db.db, { code: 'E01' })).id;
  const siteB = (await newSite(t.db.db, { code: 'E02' })).id;
  // 2 000 participants over two sites (plus 5% site-less rows), 50 actors, one row every two
  // minutes, 40 different changed fields. Each row its own chain, so the chain columns are valid.
  await t.db.db.execute(sql`
    insert into audit_log (occurred_at, actor_id, actor_label, actor_role, action, table_name,
                           record_id, participant_id, site_id, changes, chain_key, chain_seq,
                           prev_hash, hash)
    select timestamptz '2025-06-01 00:00:00+00' + g * interval '2 minutes',
           'actor-' || (g % 50), 'actor' || (g % 50) || '@test.edc', 'coordinator',
           (array['INSERT', 'UPDATE', 'UPDATE', 'LOGIN'])[1 + g % 4], 'form_records',
           md5(g::text)::uuid::text,
           case when g % 20 = 0 then null else md5('p' || (g % 2000))::uuid end,
           case when g % 20 = 0 then null when (g % 2000) < 1000 then ${siteA}::uuid else ${siteB}::uuid end,
           jsonb_build_object('data.f' || (g % 40), jsonb_build_array(g % 100, (g + 1) % 100)),
           'seed:' || g, 1, repeat('0', 64), md5(g::text) || md5(g::text)
    from generate_series(1, ${ROWS}) as g`);
  // Rare events without a participant: exports (global chain), one in 2 000 rows.
  await t.db.db.execute(sql`
    insert into audit_log (occurred_at, actor_id, actor_label, actor_role, action, table_name,
                           record_id, changes, chain_key, chain_seq, prev_hash, hash)
    select timestamptz '2025-06-01 00:00:00+00' + g * interval '4000 minutes', 'actor-1', 'actor1@test.edc',
           'admin', 'EXPORT', 'exports', md5('x' || g)::uuid::text, '{"format": "csv"}'::jsonb,
           'seed-export:' || g, 1, repeat('0', 64), md5(g::text) || md5(g::text)
    from generate_series(1, ${ROWS / 2000}) as g`);
  await t.db.db.execute(sql`analyze audit_log`);
});
afterAll(() => t?.close());

describe(`audit review plans on ${testDbKind()} with ${ROWS} rows`, () => {
  const monitor = { role: 'monitor' as const, siteIds: [] as string[] };
  const participant = () => selectRows(t.db.db, { id: field.text }, sql`select md5('p7')::uuid::text as id`);

  it('filters by participant through the participant index', async () => {
    monitor.siteIds = [siteA];
    const [p] = await participant();
    const plan = await planOf(
      auditPageSql({ user: monitor, filter: { participantId: p?.id ?? '' }, limit: 101 }),
    );
    expect(auditAccess(plan)).toEqual(['Bitmap Index Scan audit_log_participant_idx']);
    // The keyset next page is the same index lookup.
    const next = await planOf(
      auditPageSql({ user: monitor, filter: { participantId: p?.id ?? '' }, limit: 101, before: ROWS / 2 }),
    );
    expect(auditAccess(next)).toEqual(['Bitmap Index Scan audit_log_participant_idx']);
  });

  it('filters by user and time range through the (actor, time) index', async () => {
    const filter = { actorId: 'actor-7', from: '2025-06-10T00:00:00Z', to: '2025-06-17T00:00:00Z' };
    const plan = await planOf(
      auditPageSql({ user: { role: 'monitor', siteIds: [siteA] }, filter, limit: 101 }),
    );
    expect(auditAccess(plan)).toHaveLength(1);
    expect(auditAccess(plan)[0]).toMatch(/^(Bitmap )?Index Scan audit_log_actor_time_idx$/);
    // An administrator reads every row (docs/security.md §6); the lookup is the same.
    const admin = await planOf(
      auditPageSql({ user: { role: 'admin', siteIds: [siteA] }, filter, limit: 101 }),
    );
    expect(auditAccess(admin)).toHaveLength(1);
    expect(auditAccess(admin)[0]).toMatch(/^(Bitmap )?Index Scan audit_log_actor_time_idx$/);
  });

  it('filters by changed field: newest-first by id when common, through the GIN index when rare', async () => {
    // One row in 40 changed data.f3: walking the primary key backwards meets 101 of them soon.
    const common = await planOf(
      auditPageSql({ user: { role: 'monitor', siteIds: [siteA] }, filter: { field: 'data.f3' }, limit: 101 }),
    );
    // Either plan reads a bounded part of the log; which one depends on the engine's estimate.
    expect(['Index Scan Backward audit_log_pkey', 'Bitmap Index Scan audit_log_changes_keys_idx']).toContain(
      auditAccess(common).join(' | '),
    );
    // No row changed data.rare: only the index on the changed keys can answer without a walk.
    const rare = await planOf(
      auditPageSql({
        user: { role: 'monitor', siteIds: [siteA] },
        filter: { field: 'data.rare' },
        limit: 101,
      }),
    );
    expect(auditAccess(rare)).toEqual(['Bitmap Index Scan audit_log_changes_keys_idx']);
  });

  it("pages a user's rows by time through the (actor, time) index, without an (actor, id) index", async () => {
    const plan = await planOf(
      auditPageSql({ user: { role: 'admin', siteIds: [] }, filter: { actorId: 'actor-7' }, limit: 101 }),
    );
    // An ordered index scan, or a bitmap of the user's rows when they are few: the same index.
    expect(auditAccess(plan)).toHaveLength(1);
    expect(auditAccess(plan)[0]).toMatch(/^(Bitmap )?Index Scan audit_log_actor_time_idx$/);
    const indexes = await selectRows(
      t.db.db,
      { name: field.text },
      sql`select indexname as name from pg_indexes where tablename = 'audit_log' order by indexname`,
    );
    expect(indexes.map((i) => i.name)).toEqual([
      'audit_log_action_idx',
      'audit_log_actor_time_idx',
      'audit_log_chain_seq',
      'audit_log_changes_keys_idx',
      'audit_log_occurred_idx',
      'audit_log_participant_idx',
      'audit_log_pkey',
      'audit_log_record_idx',
    ]);
  });

  it('answers a time range without a user through the time index', async () => {
    const filter = { from: '2025-06-10T00:00:00Z', to: '2025-06-17T00:00:00Z' };
    const plan = await planOf(auditPageSql({ user: { role: 'admin', siteIds: [] }, filter, limit: 101 }));
    expect(auditAccess(plan)).toEqual(['Index Scan audit_log_occurred_idx']);
  });

  it("reads a record's history and a rare action through their indexes", async () => {
    const history = await planOf(recordHistorySql(md5Uuid(7)));
    // A plain index scan, or a bitmap of the few matching rows: either way the same index.
    expect(auditAccess(history)).toHaveLength(1);
    expect(auditAccess(history)[0]).toMatch(/^(Bitmap )?Index Scan audit_log_record_idx$/);
    const exports = await planOf(
      auditPageSql({ user: { role: 'admin', siteIds: [] }, filter: { action: 'EXPORT' }, limit: 101 }),
    );
    expect(auditAccess(exports)).toHaveLength(1);
    expect(auditAccess(exports)[0]).toMatch(/^(Bitmap )?Index Scan audit_log_action_idx$/);
  });

  it('filters by site by walking the primary key: with two sites a site is half the log', async () => {
    const plan = await planOf(
      auditPageSql({ user: { role: 'admin', siteIds: [] }, filter: { siteId: siteA }, limit: 101 }),
    );
    expect(auditAccess(plan)).toEqual(['Index Scan Backward audit_log_pkey']);
  });

  it('answers the filtered page with the rows the filter names', async () => {
    const rows = await auditPageRows(
      t.db.db,
      auditPageSql({
        user: { role: 'monitor', siteIds: [siteA] },
        filter: { actorId: 'actor-7', from: '2025-06-10T00:00:00Z', to: '2025-06-17T00:00:00Z' },
        limit: 101,
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.actor_id).toBe('actor-7');
      expect(r.occurred_at >= '2025-06-10' && r.occurred_at < '2025-06-17').toBe(true);
    }
  });
});
