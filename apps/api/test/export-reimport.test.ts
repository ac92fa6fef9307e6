import { field, schema, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { formatX10, lbpTrial, ODI_ITEM_KEYS, odiItemsFrom, scoreOdiAnswers } from '@mini-edc/domain';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, type ExportWorld, seedExportTrial } from './export-seed';

/**
 * Round trip: the wide CSV read back with a CSV parser gives exactly the numbers
 * in the database, a missing value is an empty field (never 0), and ODI totals are the ones the
 * domain scorer computes from the stored items.
 */
let w: ExportWorld;
let rows: Record<string, string>[];
let header: string[];
beforeAll(async () => {
  w = await seedExportTrial();
  const { res, bytes } = await download(w.app, w.s.admin, 'wide.csv');
  expect(res.statusCode).toBe(200);
  rows = parse(bytes, { columns: true, bom: true }) as Record<string, string>[];
  header = (parse(bytes, { to_line: 1 }) as string[][])[0] ?? [];
});
afterAll(() => w?.t.close());

const visits = lbpTrial.visits.filter((v) => v.forms.includes('vas')).map((v) => v.code);
const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe(`wide CSV reimport on ${testDbKind()}`, () => {
  it('has one row per participant of the caller’s sites, in study-id order', async () => {
    const ids = await selectRows(
      w.t.db.db,
      { study_id: schema.participants.studyId },
      sql`select study_id from participants order by study_id`,
    );
    expect(rows.map((r) => r.study_id)).toEqual(ids.map((r) => r.study_id));
    expect(new Set(header).size).toBe(header.length);
  });

  it('gives back every VAS and ODI value and the recomputed ODI totals per participant and visit', async () => {
    const records = await selectRows(
      w.t.db.db,
      {
        study_id: schema.participants.studyId,
        visit_code: schema.formRecords.visitCode,
        form_code: schema.formRecords.formCode,
        data: schema.formRecords.data,
      },
      sql`select p.study_id, r.visit_code, r.form_code, r.data from form_records r
          join participants p on p.id = r.participant_id where r.form_code in ('vas', 'odi')`,
    );
    const byKey = new Map(records.map((r) => [`${r.study_id}/${r.visit_code}/${r.form_code}`, r.data]));
    let compared = 0;
    for (const row of rows) {
      for (const visit of visits) {
        const v = visit.toLowerCase();
        const vas = byKey.get(`${row.study_id}/${visit}/vas`);
        expect(row[`vas_mm_${v}`], `${row.study_id} vas ${visit}`).toBe(cell(vas?.vas_mm));
        const odi = byKey.get(`${row.study_id}/${visit}/odi`);
        for (const q of ODI_ITEM_KEYS) {
          expect(row[`odi_${q}_${v}`], `${row.study_id} ${q} ${visit}`).toBe(cell(odi?.[q]));
        }
        const score = odi ? scoreOdiAnswers(odiItemsFrom(odi)) : null;
        expect(row[`odi_sum_${v}`]).toBe(cell(score?.sum));
        expect(row[`odi_pct_x10_${v}`]).toBe(cell(score?.pctX10));
        expect(row[`odi_pct_${v}`]).toBe(score ? formatX10(score.pctX10) : '');
        if (vas) compared++;
        if (odi) compared++;
      }
    }
    // Baselines of three participants, the corrected one, the follow-ups: the check is not vacuous.
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('writes the corrected value, a measured 0 as 0, and missing values as empty fields', () => {
    const [a1, a2, a3, a4] = ['S01-0001', 'S01-0002', 'S01-0003', 'S01-0004'].map((id) =>
      rows.find((r) => r.study_id === id),
    );
    expect(a1?.vas_mm_bl).toBe('55');
    expect(a1?.vas_mm_w1).toBe('0');
    expect(a1?.odi_q9_w1).toBe('');
    expect(a1?.odi_answered_w1).toBe('8');
    expect(a1?.vas_mm_m1).toBe('');
    expect(a2?.vas_mm_w1).toBe('31');
    expect(a3?.arm).toBe('');
    expect(a3?.randomized_at).toBe('');
    expect(a4?.vas_mm_bl).toBe('');
    expect(a4?.odi_sum_bl).toBe('');
  });

  it('gives each randomized participant the arm and stratum of its slot', async () => {
    const slots = await selectRows(
      w.t.db.db,
      {
        study_id: schema.participants.studyId,
        // Null for a participant without a slot (the left join).
        arm: field.nullable(schema.randomizationSlots.arm),
        stratum_key: field.nullable(schema.randomizationSlots.stratumKey),
      },
      sql`select p.study_id, rs.arm, rs.stratum_key from participants p
          left join randomization_slots rs on rs.participant_id = p.id`,
    );
    expect(slots.filter((s) => s.arm !== null)).toHaveLength(3);
    for (const s of slots) {
      const row = rows.find((r) => r.study_id === s.study_id);
      expect(row?.arm).toBe(cell(s.arm));
      expect(row?.stratum).toBe(cell(s.stratum_key));
    }
  });

  it('counts intervention records per participant for the unblinded', () => {
    const counts = rows.map((r) => Number(r.n_intervention_tlf_mob) + Number(r.n_intervention_us_d5w));
    expect(counts.filter((n) => n === 1)).toHaveLength(3);
  });
});
