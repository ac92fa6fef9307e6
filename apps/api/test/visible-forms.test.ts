import { field, selectRows } from '@mini-edc/db';
import { createTestDb, type TestDb } from '@mini-edc/db/testing';
import { blindRules, lbpTrial, type StudyDefinition, studyDefinitionProblems } from '@mini-edc/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleForms } from '../src/services/scope';

// The form filter of a blinded viewer's queries (R-BLIND-2), run on the database: it must be SQL
// the database accepts for every definition that loads, including one that hides no whole form.

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const assessor = { role: 'assessor', allocationReleased: false } as const;
const coordinator = { role: 'coordinator', allocationReleased: false } as const;

/** The forms of `study` that pass the viewer's filter, asked of the database. */
async function visible(study: StudyDefinition, viewer: typeof assessor | typeof coordinator) {
  const codes = sql.join(
    study.forms.map((f) => sql`(${f.code})`),
    sql`, `,
  );
  const rows = await selectRows(
    db.db,
    { form_code: field.text },
    sql`select t.form_code from (values ${codes}) as t(form_code)
        where ${visibleForms(study, viewer, sql`t.form_code`)}`,
  );
  return rows.map((r) => r.form_code).sort();
}

describe(`visible forms on ${process.env.EDC_TEST_DB ?? 'pglite'}`, () => {
  it("leave out the trial's intervention forms for the blinded assessor, none for the coordinator", async () => {
    const all = lbpTrial.forms.map((f) => f.code).sort();
    const hidden = [...blindRules(lbpTrial).hiddenForms];
    expect(hidden.length).toBeGreaterThan(0);
    expect(await visible(lbpTrial, coordinator)).toEqual(all);
    expect(await visible(lbpTrial, assessor)).toEqual(all.filter((code) => !hidden.includes(code)));
  });

  it('show every form to a blinded viewer when the definition hides no whole form', async () => {
    // Each arm's intervention form keeps one field the assessor may see (a safe field), and no
    // other form reveals the arm: a definition that loads, whose hidden set is empty.
    const study = structuredClone(lbpTrial);
    study.blinding.revealingForms = [];
    study.blinding.safeFields = study.arms.map((arm) => {
      const form = study.forms.find((f) => f.code === arm.interventionForm);
      const safe = form?.fields.find((f) => f.type !== 'text');
      if (!form || !safe) throw new Error(`no field to keep on ${arm.interventionForm}`);
      return { form: form.code, field: safe.name };
    });
    expect(studyDefinitionProblems(study)).toEqual([]);
    expect(blindRules(study).hiddenForms.size).toBe(0);
    expect(await visible(study, assessor)).toEqual(study.forms.map((f) => f.code).sort());
  });
});
