import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, SYSTEM_ACTOR, schema, selectList, selectRows, withAudit } from '../src/index';
import { createTestDb, type TestDb } from '../src/testing';

const { sites } = schema;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe('typed raw rows', () => {
  it('answers a timestamp as a Date and a date as its text, on either driver', async () => {
    await withAudit(t.db, SYSTEM_ACTOR, (tx) => tx.insert(sites).values({ code: 'ROWS', name: 'Rows site' }));
    const shape = { code: sites.code, created_at: sites.createdAt, today: field.day, n: field.int };
    const [row] = await selectRows(
      t.db,
      shape,
      sql`select ${selectList('s', shape)}, date '2026-03-04' as today, count(*) over () as n
          from sites s where s.code = 'ROWS'`,
    );
    expect(row?.code).toBe('ROWS');
    expect(row?.created_at).toBeInstanceOf(Date);
    expect(row?.today).toBe('2026-03-04');
    expect(row?.n).toBe(1);
  });

  it('refuses a row whose value the shape does not allow', async () => {
    await expect(selectRows(t.db, { code: sites.code }, sql`select null as code`)).rejects.toThrow(/code/);
    await expect(selectRows(t.db, { n: field.int }, sql`select 'x' as n`)).rejects.toThrow(/number/);
  });
});
