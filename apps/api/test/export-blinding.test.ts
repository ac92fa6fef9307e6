import { field, selectRows } from '@mini-edc/db';
import { testDbKind } from '@mini-edc/db/testing';
import { armRevealingTerms, exportedForms, exportManifestSchema, lbpTrial } from '@mini-edc/domain';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOdm } from '../../../test/xml-check.mjs';
import { newUser } from '../src/seed/factories';
import { download, type ExportWorld, seedExportTrial } from './export-seed';
import { readyForRandomization } from './factories';
import { today } from './journey-helpers';
import { call, type Session, signIn } from './session';

/**
 * Every export the blinded assessor can download applies the access policy's blinding rules
 * (R-BLIND-2): with treatment, adverse event, deviation and end-of-study data of both arms planted
 * at the assessor's site, free text naming the treatment included, no file, header or manifest
 * holds an arm code or label, a revealing form, field or choice value, or the planted text.
 */
let w: ExportWorld;
let hiddenEditor = '';
const PLANT = 'PLANTED';
const files = ['wide.csv', 'long.csv', 'dictionary.csv', 'dictionary.md', 'odm.xml'];
const hiddenForms = ['adverse_event', 'deviation', ...lbpTrial.arms.map((a) => a.interventionForm)];
const terms = [...armRevealingTerms(lbpTrial), ...hiddenForms, 'reason_other', 'action_taken', PLANT];

async function ok(res: Awaited<ReturnType<typeof call>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function armOf(session: Session, id: string): Promise<string | null> {
  const p = await ok(await call(w.app, session, 'GET', `/api/v1/participants/${id}`), 'participant');
  return p.allocation?.arm ?? null;
}

/** Safety, deviation, treatment and withdrawal data that tell the arm, for one randomized participant. */
async function plant(staff: Session, id: string, arm: string) {
  const form = (visit: string, code: string) => `/api/v1/participants/${id}/visits/${visit}/forms/${code}`;
  const label = lbpTrial.arms.find((a) => a.code === arm)?.label.en ?? arm;
  const injected = arm === 'US_D5W';
  const ae = await call(w.app, staff, 'PUT', form('W1', 'adverse_event'), {
    seq: 1,
    status: 'complete',
    outOfWindowReason: 'test: week 1 entered early',
    data: {
      onset_date: today(),
      expected_event: injected ? 'injection_site_pain' : 'post_treatment_soreness',
      description: `${PLANT} after ${label}`,
      serious: 'no',
      severity: 'mild',
      relatedness: 'probable',
      action_taken: `${PLANT} action`,
      outcome: 'recovered',
    },
  });
  await ok(ae, 'adverse event');
  const dev = await call(w.app, staff, 'PUT', form('UNS', 'deviation'), {
    seq: 1,
    status: 'complete',
    data: {
      date: today(),
      category: 'wrong_intervention',
      major: 'yes',
      description: `${PLANT} ${label} given twice`,
    },
  });
  await ok(dev, 'deviation');
  const eos = { status: 'withdrawn', date: today(), last_visit: 'W1', reason: 'adverse_event' };
  await ok(
    await call(w.app, staff, 'PUT', form('UNS', 'end_of_study'), {
      status: 'draft',
      data: { ...eos, reason_other: `${PLANT} after the ${label}` },
    }),
    'end of study',
  );
  // A change of the withdrawal text alone: its audit record, reason included, is hidden too.
  await ok(
    await call(w.app, staff, 'PUT', form('UNS', 'end_of_study'), {
      status: 'complete',
      reason: `${PLANT} reason naming ${label}`,
      data: { ...eos, reason_other: `${PLANT} the ${label} hurt` },
    }),
    'end of study change',
  );
}

beforeAll(async () => {
  w = await seedExportTrial();
  const arms = new Map<string, string>();
  for (const id of w.idsA) {
    const arm = await armOf(w.s.coordinator, id);
    if (arm !== null) arms.set(id, arm);
  }
  // Permuted blocks of 4 or 6 per site: a few more participants give the site both arms.
  while (new Set(arms.values()).size < lbpTrial.arms.length && arms.size < 8) {
    const id = await readyForRandomization(w.app, w.s.coordinator, w.siteA);
    const r = await ok(
      await call(w.app, w.s.coordinator, 'POST', `/api/v1/participants/${id}/randomize`),
      'randomize',
    );
    arms.set(id, r.allocation.arm);
  }
  for (const [id, arm] of arms) await plant(w.s.investigator, id, arm);
  // Someone who only ever changed the withdrawal text: not even their name reaches the assessor.
  const editor = await newUser(w.t.db.db, {
    role: 'investigator',
    siteIds: [w.siteA],
    displayName: 'Hidden editor',
  });
  hiddenEditor = editor.id;
  const [first, arm] = [...arms][0] ?? [];
  const session = await signIn(w.app, editor.email, editor.password);
  await ok(
    await call(w.app, session, 'PUT', `/api/v1/participants/${first}/visits/UNS/forms/end_of_study`, {
      status: 'complete',
      reason: `${PLANT} text corrected`,
      data: {
        status: 'withdrawn',
        date: today(),
        last_visit: 'W1',
        reason: 'adverse_event',
        reason_other: `${PLANT} ${arm} again`,
      },
    }),
    'hidden-only edit',
  );
});
afterAll(() => w?.t.close());

/** The study's name names both treatments (ODM StudyName), which tells nothing about a participant. */
function expectNoLeak(body: string, what: string) {
  const text = body.replaceAll(lbpTrial.name, '');
  for (const term of terms) expect(text, `${what} has ${term}`).not.toContain(term);
}

describe(`blinded exports on ${testDbKind()}`, () => {
  it('the unblinded files hold the planted data, so the checks below can fail', async () => {
    for (const file of ['long.csv', 'odm.xml']) {
      const { text } = await download(w.app, w.s.coordinator, file);
      for (const term of [PLANT, 'adverse_event', 'wrong_intervention', 'injection_site_pain', 'US_D5W']) {
        expect(text, `${file} lacks ${term}`).toContain(term);
      }
    }
    const { text } = await download(w.app, w.s.coordinator, 'wide.csv');
    expect(text).toContain('n_adverse_event');
  });

  it('no file, header or manifest of the assessor holds anything that tells the arm', async () => {
    for (const file of files) {
      const { res, text } = await download(w.app, w.s.assessor, file);
      expect(res.statusCode, file).toBe(200);
      expectNoLeak(text, file);
      expectNoLeak(JSON.stringify(res.headers), `${file} headers`);
      const m = await call(
        w.app,
        w.s.assessor,
        'GET',
        `/api/v1/exports/${res.headers['x-export-id']}/manifest`,
      );
      expect(m.statusCode).toBe(200);
      expectNoLeak(m.body, `${file} manifest`);
    }
  });

  it('wide CSV: no per-participant count of adverse events or deviations, outcome data kept', async () => {
    const rows = parse((await download(w.app, w.s.assessor, 'wide.csv')).bytes, {
      columns: true,
    }) as Record<string, string>[];
    const header = Object.keys(rows[0] ?? {});
    expect(header.filter((h) => h.startsWith('n_'))).toEqual([]);
    expect(rows[0]?.vas_mm_bl).toBe('55');
  });

  it('long CSV and ODM still have the outcome data and the safe end-of-study fields', async () => {
    const long = parse((await download(w.app, w.s.assessor, 'long.csv')).bytes, {
      columns: true,
    }) as Record<string, string>[];
    const eos = long.filter((r) => r.form === 'end_of_study');
    expect(new Set(eos.map((r) => r.field))).toEqual(new Set(['status', 'date']));
    expect(long.some((r) => r.form === 'vas' && r.value === '55')).toBe(true);
    const odm = (await download(w.app, w.s.assessor, 'odm.xml')).text;
    expect(validateOdm(odm)).toEqual({ ok: true, errors: [] });
    expect(odm).toContain('I.END_OF_STUDY.STATUS');
    expect(odm).not.toMatch(/F\.ADVERSE_EVENT|F\.DEVIATION|I\.END_OF_STUDY\.REASON/);
    // AdminData names nobody whose only changes were to hidden fields; the full file does.
    expect(odm).not.toContain(`U.${hiddenEditor}`);
    expect((await download(w.app, w.s.coordinator, 'odm.xml')).text).toContain(`U.${hiddenEditor}`);
  });

  it('the manifest counts only what the blinded file shows', async () => {
    const { res } = await download(w.app, w.s.assessor, 'long.csv');
    const m = exportManifestSchema.parse(
      (
        await call(w.app, w.s.assessor, 'GET', `/api/v1/exports/${res.headers['x-export-id']}/manifest`)
      ).json(),
    );
    const shown = exportedForms(lbpTrial, { blinded: true }).map((f) => f.code);
    const [row] = await selectRows(
      w.t.db.db,
      { n: field.int },
      sql`select count(*)::int as n from form_records
          where site_id = ${w.siteA}::uuid and form_code = any(${`{${shown.join(',')}}`}::text[])`,
    );
    expect(m.counts?.records).toBe(row?.n);
    const full = exportManifestSchema.parse(
      (
        await call(
          w.app,
          w.s.coordinator,
          'GET',
          `/api/v1/exports/${(await download(w.app, w.s.coordinator, 'long.csv')).res.headers['x-export-id']}/manifest`,
        )
      ).json(),
    );
    expect(full.counts?.records ?? 0).toBeGreaterThan(m.counts?.records ?? 0);
    expect(full.counts?.auditEntries ?? 0).toBeGreaterThan(m.counts?.auditEntries ?? 0);
  });
});
