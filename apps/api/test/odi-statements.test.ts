import { field, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newSite } from '../src/seed/factories';
import { parsedBy } from '../src/services/row-fields';
import { signedInUser } from './factories';
import { buildTestApp, type TestContext } from './helpers';
import { placeholderStatements } from './odi-placeholders';
import { call, type Session } from './session';

// The study's licensed ODI statements loaded as data (protocol §3.4; docs/study-definition.md,
// "Instrument texts"). Only run-time placeholders are used here: the licensed texts are never in
// the repository.
let t: TestContext;
let admin: Session;
let assessor: Session;
let coordinator: Session;
const url = '/api/v1/admin/instruments/odi/statements';

beforeAll(async () => {
  t = await buildTestApp({ EDC_LOGIN_RATE_PER_MINUTE: 1000 });
  const siteId = (await newSite(t.db.db, { code: 'A01' })).id;
  admin = (await signedInUser(t, { role: 'admin', siteIds: [siteId] })).session;
  assessor = (await signedInUser(t, { role: 'assessor', siteIds: [siteId] })).session;
  coordinator = (await signedInUser(t, { role: 'coordinator', siteIds: [siteId] })).session;
}, 300_000);
afterAll(() => t?.close());

async function counts() {
  const [row] = await selectRows(
    t.db.db,
    { texts: field.int, audit: field.int },
    sql`select (select count(*)::int from instrument_texts) as texts,
               (select count(*)::int from audit_log where action = 'INSTRUMENT_TEXTS_LOADED') as audit`,
  );
  return row;
}

describe(`ODI statements as study data on ${testDbKind()}`, () => {
  it('has none before an admin loads them: the form shows the digits', async () => {
    const res = await call(t.app, assessor, 'GET', '/api/v1/instruments/odi/statements');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ languages: {}, loadedAt: null });
  });

  it('refuses an incomplete language, a statement given twice and a bad CSV line, naming each, and stores nothing', async () => {
    const rows = placeholderStatements(['en', 'tr']);
    const incomplete = rows.filter((r) => !(r.language === 'tr' && r.section === 4 && r.index === 2));
    const missing = await call(t.app, admin, 'PUT', url, { statements: incomplete });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      messageCode: 'ODI_STATEMENTS_NOT_LOADED',
      fields: [
        {
          path: 'body.statements',
          code: 'ODI_STATEMENTS_INCOMPLETE',
          params: { language: 'tr', missing: 1, section: 4, index: 2 },
        },
      ],
    });

    const first = rows[0];
    if (!first) throw new Error('no rows');
    const twice = await call(t.app, admin, 'PUT', url, {
      statements: [...rows, { ...first, text: 'again' }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields).toEqual([
      expect.objectContaining({
        code: 'ODI_STATEMENT_TWICE',
        params: { language: 'en', section: 1, index: 0 },
      }),
    ]);

    const csv = 'section,index,language,text\n1,0,en,Statement 1.0 (test)\n1,6,en,Statement 1.6 (test)\n';
    const badLine = await call(t.app, admin, 'PUT', url, { csv });
    expect(badLine.statusCode).toBe(400);
    expect(badLine.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'body.csv',
        code: 'ODI_STATEMENT_LINE_INVALID',
        params: { line: 3, column: 'index' },
      }),
    ]);

    const both = await call(t.app, admin, 'PUT', url, { statements: rows, csv });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields[0]).toMatchObject({ path: 'body', code: 'ODI_STATEMENTS_ONE_FORMAT' });

    expect(await counts()).toEqual({ texts: 0, audit: 0 });
  });

  it('is loaded by an admin only', async () => {
    const res = await call(t.app, coordinator, 'PUT', url, { statements: placeholderStatements() });
    expect(res.statusCode).toBe(403);
    expect(await counts()).toEqual({ texts: 0, audit: 0 });
  });

  it('loads English from JSON and Turkish from CSV, each audited without the text, and the assessor reads them', async () => {
    const en = await call(t.app, admin, 'PUT', url, { statements: placeholderStatements(['en']) });
    expect(en.statusCode).toBe(200);
    expect(en.json().languages.en[2][3]).toBe('Statement 3.3 (test)');
    expect(en.json().languages.tr).toBeUndefined();

    const csv = [
      'Section,Index,Language,Text',
      ...placeholderStatements(['tr']).map((r) => `${r.section},${r.index},${r.language},"${r.text}"`),
    ].join('\n');
    const tr = await call(t.app, admin, 'PUT', url, { csv });
    expect(tr.statusCode).toBe(200);

    const read = await call(t.app, assessor, 'GET', '/api/v1/instruments/odi/statements');
    expect(read.statusCode).toBe(200);
    const set = read.json();
    expect(set.languages.en).toHaveLength(10);
    expect(set.languages.en[0]).toHaveLength(6);
    expect(set.languages.tr[9][5]).toBe('İfade 10.5 (test)');
    expect(set.loadedAt).toEqual(expect.any(String));

    const audit = await selectRows(
      t.db.db,
      {
        changes: parsedBy(
          z.object({ languages: z.array(z.string()), sha256: z.record(z.string(), z.string()) }),
        ),
      },
      sql`select changes from audit_log where action = 'INSTRUMENT_TEXTS_LOADED' order by id`,
    );
    expect(audit.map((a) => a.changes.languages)).toEqual([['en'], ['tr']]);
    expect(audit[0]?.changes.sha256.en).toMatch(/^[0-9a-f]{64}$/);
    // The licensed text stays out of the audit trail (and so out of its exports).
    const [leak] = await selectRows(
      t.db.db,
      { n: field.int },
      sql`select count(*)::int as n from audit_log where changes::text like '%(test)%'`,
    );
    expect(leak?.n).toBe(0);
  });

  it('replaces a language with a newer load and never updates a stored one', async () => {
    const newer = placeholderStatements(['en']).map((r) => ({ ...r, text: `${r.text} v2` }));
    expect((await call(t.app, admin, 'PUT', url, { statements: newer })).statusCode).toBe(200);
    const set = (await call(t.app, coordinator, 'GET', '/api/v1/instruments/odi/statements')).json();
    expect(set.languages.en[0][0]).toBe('Statement 1.0 (test) v2');
    expect(set.languages.tr[0][0]).toBe('İfade 1.0 (test)');
    await expect(t.db.db.execute(sql`update instrument_texts set texts = '[]'::jsonb`)).rejects.toThrow();
  });
});
