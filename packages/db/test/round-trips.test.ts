import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditContext, lastStatement, schema, withAudit } from '../src/index';
import { createTestDb, type TestDb, testDbKind } from '../src/testing';

const { sites } = schema;

const admin: AuditContext = {
  actorId: '00000000-0000-4000-8000-000000000009',
  actorLabel: 'admin@example.org',
  actorRole: 'admin',
  requestId: 'req-round-trips',
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

async function siteNamed(code: string) {
  const [row] = await t.db.select({ name: sites.name }).from(sites).where(eq(sites.code, code));
  return row?.name;
}

describe('a transaction whose last statement carries its COMMIT', () => {
  it('commits the last statement with everything before it', async () => {
    const saved = await withAudit(t.db, admin, async (tx) => {
      await tx.insert(sites).values({ code: 'RT1', name: 'Before' });
      return lastStatement(() =>
        tx.update(sites).set({ name: 'After' }).where(eq(sites.code, 'RT1')).returning({ name: sites.name }),
      );
    });
    expect(saved).toEqual([{ name: 'After' }]);
    expect(await siteNamed('RT1')).toBe('After');
  });

  it('keeps nothing of a transaction whose last statement fails, and the next one works', async () => {
    const failed = withAudit(t.db, admin, async (tx) => {
      await tx.insert(sites).values({ code: 'RT2', name: 'Kept only with the commit' });
      // The same code twice: the unique constraint refuses the last statement.
      return lastStatement(() => tx.insert(sites).values({ code: 'RT2', name: 'Duplicate' }));
    });
    await expect(failed).rejects.toThrow();
    expect(await siteNamed('RT2')).toBeUndefined();
    await withAudit(t.db, admin, (tx) =>
      lastStatement(() => tx.insert(sites).values({ code: 'RT3', name: 'Next' })),
    );
    expect(await siteNamed('RT3')).toBe('Next');
  });

  it('rolls back what came before when the callback fails after its first statement', async () => {
    const failed = t.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('edc.actor_id', ${admin.actorId}, true)`);
      await tx.insert(sites).values({ code: 'RT4', name: 'Rolled back' });
      throw new Error('the caller gives up');
    });
    await expect(failed).rejects.toThrow('the caller gives up');
    expect(await siteNamed('RT4')).toBeUndefined();
  });

  it('answers a transaction that runs no statement', async () => {
    expect(await t.db.transaction(async () => 'nothing to do')).toBe('nothing to do');
  });
});

// PGlite runs in the process: no socket, no round trips, and lastStatement only runs its
// statement (the COMMIT follows as usual). What is left to check is PostgreSQL's wire.
describe.skipIf(testDbKind() !== 'pg')('the wire to a PostgreSQL server', () => {
  /** The socket writes the pool's next client makes while fn runs on it. */
  async function socketWrites(fn: (client: pg.PoolClient) => Promise<void>): Promise<number> {
    const { Pool } = await import('pg');
    const { RoundTripClient } = await import('../src/round-trips');
    const pool = new Pool({ connectionString: t.url, max: 1, Client: RoundTripClient });
    const client = await pool.connect();
    const socket = client.connection.stream;
    let writes = 0;
    // Each call of _write or _writev is one write on the socket (a corked burst is one _writev).
    const { _write, _writev } = socket;
    socket._write = (...args) => {
      writes += 1;
      return _write.apply(socket, args);
    };
    if (_writev) {
      socket._writev = (...args) => {
        writes += 1;
        return _writev.apply(socket, args);
      };
    }
    try {
      await fn(client);
      return writes;
    } finally {
      client.release();
      await pool.end();
    }
  }

  it('sends BEGIN with the first statement and COMMIT with the last: two writes for three statements', async () => {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const writes = await socketWrites(async (client) => {
      const db = drizzle(client, { schema });
      await db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('edc.actor_id', ${admin.actorId}, true)`);
        await lastStatement(() => tx.insert(sites).values({ code: 'RT5', name: 'Two writes' }));
      });
    });
    // BEGIN, the settings, the insert and COMMIT: four messages, two socket writes.
    expect(writes).toBe(2);
    expect(await siteNamed('RT5')).toBe('Two writes');
  });

  it('refuses a statement after the last one, whose COMMIT has gone', async () => {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    await socketWrites(async (client) => {
      const db = drizzle(client, { schema });
      const late = db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('edc.actor_id', ${admin.actorId}, true)`);
        await lastStatement(() => tx.insert(sites).values({ code: 'RT6', name: 'Committed' }));
        await tx.insert(sites).values({ code: 'RT7', name: 'Too late' });
      });
      // drizzle wraps the client's refusal in its own error, with the refusal as the cause.
      await expect(late).rejects.toMatchObject({
        cause: { message: 'a statement after the last statement of a transaction' },
      });
    });
    expect(await siteNamed('RT6')).toBe('Committed');
    expect(await siteNamed('RT7')).toBeUndefined();
  });

  it('refuses a callback-style query while BEGIN waits for the first statement, and runs one outside', async () => {
    await socketWrites(async (client) => {
      await client.query('begin');
      expect(() => client.query('select 1', () => {})).toThrow(
        'a callback or stream query inside a pipelined transaction',
      );
      await client.query('rollback');
      const answer = await new Promise<unknown>((resolve, reject) => {
        void client.query('select 1 as one', (error, result) =>
          error ? reject(error) : resolve(result.rows),
        );
      });
      expect(answer).toEqual([{ one: 1 }]);
    });
  });
});
