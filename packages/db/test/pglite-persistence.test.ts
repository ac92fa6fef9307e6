import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb, SYSTEM_ACTOR, schema, selectRows, verifyAuditChain, withAudit } from '../src/index';

describe('embedded PGlite data folder', () => {
  it('keeps data and the audit trail across a stop and a start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edc-pglite-'));
    try {
      const first = await createDb({ dataDir: join(dir, 'data') });
      await first.migrate();
      await withAudit(first.db, SYSTEM_ACTOR, (tx) =>
        tx.insert(schema.sites).values({ code: 'P01', name: 'Kept' }),
      );
      await first.close();

      const second = await createDb({ dataDir: join(dir, 'data') });
      await second.migrate();
      const sites = await selectRows(second.db, { code: schema.sites.code }, sql`select code from sites`);
      expect(sites.map((s) => s.code)).toEqual(['P01']);
      expect(await verifyAuditChain(second.db)).toMatchObject({ ok: true, rowsChecked: 1 });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
