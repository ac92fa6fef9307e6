import { field, schema, selectRows, verifyAuditChain } from '@mini-edc/db';
import { createTestDb, type TestDb, testDbKind } from '@mini-edc/db/testing';
import { lbpTrial } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.close());

describe(`demo seed on ${testDbKind()}`, () => {
  it('creates two sites, a user of each role and participants in various states, once', async () => {
    expect(await seedDemo(db.db, lbpTrial, 'Europe/Istanbul')).toBe(true);
    expect(await seedDemo(db.db, lbpTrial, 'Europe/Istanbul')).toBe(false);
    const roles = await selectRows(
      db.db,
      { role: schema.users.role },
      sql`select distinct role from users order by role`,
    );
    expect(roles.map((r) => r.role)).toEqual(['admin', 'assessor', 'coordinator', 'investigator', 'monitor']);
    const statuses = await selectRows(
      db.db,
      { status: schema.participants.status, n: field.int },
      sql`select status, count(*)::int as n from participants group by status order by status`,
    );
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({
      enrolled: 2,
      randomized: 4,
      screen_failed: 2,
      screening: 2,
    });
    expect((await verifyAuditChain(db.db)).ok).toBe(true);
  });
});
