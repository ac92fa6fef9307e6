import { describe, expect, it } from 'vitest';
import type { ExportParticipant, ExportRecord } from '../src/export/types';
import { snake, type WideColumn, wideColumns, wideRowContext } from '../src/export/wide-columns';
import type { StudyDefinition } from '../src/study/definition-schema';
import { lbpTrial } from '../src/study/lbp-trial';
import { p1, p2, p3 } from './fixtures/export-participants';
import { exportRecord } from './fixtures/export-records';

const full = { blinded: false };
const blind = { blinded: true };

function columns(def: StudyDefinition = lbpTrial, opts = full): Map<string, WideColumn> {
  return new Map(wideColumns(def, opts).map((c) => [c.name, c]));
}
const colsOf = () => columns();

function col(name: string, from = colsOf()): WideColumn {
  const c = from.get(name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}
const cell = (name: string, p: ExportParticipant, from = colsOf()) =>
  col(name, from).value(wideRowContext(p));

function rec(visitCode: string, formCode: string, seq: number, data: Record<string, unknown>): ExportRecord {
  return exportRecord(visitCode, formCode, data, { seq, definitionVersion: seq + 1 });
}

describe('snake', () => {
  it('puts an underscore before each capital that follows a lower-case letter or digit, all lower case', () => {
    expect(snake('q8NotApplicable')).toBe('q8_not_applicable');
    expect(snake('fooBarBaz')).toBe('foo_bar_baz');
    expect(snake('v2X')).toBe('v2_x');
    expect(snake('ABC')).toBe('abc');
    expect(snake('already_snake')).toBe('already_snake');
  });
});

describe('wideRowContext', () => {
  it('counts records per form and shows the lowest seq of a form at a visit, whatever the order', () => {
    const p: ExportParticipant = {
      ...p1,
      records: [
        rec('BL', 'vas', 3, { vas_mm: 30 }),
        rec('BL', 'vas', 1, { vas_mm: 10 }),
        rec('BL', 'vas', 2, { vas_mm: 20 }),
        rec('W1', 'vas', 1, { vas_mm: 40 }),
      ],
    };
    const ctx = wideRowContext(p);
    expect(ctx.participant).toBe(p);
    expect(ctx.countByForm.get('vas')).toBe(4);
    expect(ctx.byVisitForm.size).toBe(2);
    expect(cell('vas_mm_bl', p)).toBe(10);
    expect(cell('vas_mm_w1', p)).toBe(40);
    // Two instances with the same seq (which should not exist): the first one stays.
    const twice = {
      ...p1,
      records: [rec('BL', 'vas', 1, { vas_mm: 5 }), rec('BL', 'vas', 1, { vas_mm: 6 })],
    };
    expect(cell('vas_mm_bl', twice)).toBe(5);
    expect(cell('vas_definition_version_bl', p)).toBe(2);
    // A form code that contains the visit code does not run into another visit's key.
    expect(cell('vas_mm_m1', p)).toBeNull();
  });
});

describe('participant columns', () => {
  it('describe the participant, the arm only when not blinded', () => {
    const names = wideColumns(lbpTrial, full)
      .filter((c) => c.visits === '')
      .map((c) => c.name);
    expect(names).toEqual([
      'study_id',
      'site',
      'arm',
      'stratum',
      'randomized_at',
      'sex',
      'birth_year',
      'status',
      'screened_at',
      'eligible',
      'consent_date',
    ]);
    expect(wideColumns(lbpTrial, blind).map((c) => c.name)).not.toContain('arm');
    for (const name of names) expect(col(name)).toMatchObject({ visits: '', form: '' });
    expect(names.filter((n) => col(n).derived)).toEqual(['eligible']);
  });

  it('have labels, types and allowed values', () => {
    expect(col('study_id')).toMatchObject({ label: 'Participant study id', type: 'text' });
    expect(col('site')).toMatchObject({ label: 'Site code', type: 'text' });
    expect(col('arm')).toMatchObject({ label: 'Allocated arm', type: 'choice' });
    expect(col('arm').allowedValues?.map((v) => v.code)).toEqual(['TLF_MOB', 'US_D5W']);
    expect(col('arm').allowedValues?.[0]?.label).toEqual(lbpTrial.arms[0]?.label);
    expect(col('stratum')).toMatchObject({
      label: 'Randomization stratum (site), frozen at randomization',
      type: 'choice',
    });
    expect(col('stratum').allowedValues).toEqual(
      lbpTrial.stratification.strata.map((s) => ({ code: s.key, label: s.label })),
    );
    expect(col('randomized_at')).toMatchObject({ label: 'Randomized at (UTC)', type: 'datetime' });
    expect(col('sex')).toMatchObject({ label: 'Sex', type: 'choice' });
    expect(col('sex').allowedValues).toEqual([
      { code: 'male', label: { en: 'Male', tr: 'Erkek' } },
      { code: 'female', label: { en: 'Female', tr: 'Kadın' } },
    ]);
    expect(col('birth_year')).toMatchObject({ label: 'Year of birth', type: 'integer' });
    expect(col('status')).toMatchObject({ label: 'Participant status', type: 'choice' });
    expect(col('status').allowedValues).toContainEqual({
      code: 'screen_failed',
      label: { en: 'screen failed', tr: 'screen failed' },
    });
    expect(col('screened_at')).toMatchObject({ label: 'Screening date', type: 'date' });
    expect(col('eligible')).toMatchObject({ label: 'Eligible (1 = yes, 0 = no)', type: 'boolean' });
    expect(col('consent_date')).toMatchObject({ label: 'Consent date', type: 'date' });
  });

  it('take their values from the participant', () => {
    expect(cell('study_id', p1)).toBe('S01-0001');
    expect(cell('site', p2)).toBe('S02');
    expect(cell('arm', p2)).toBe('US_D5W');
    expect(cell('stratum', p2)).toBe('S02');
    expect(cell('randomized_at', p2)).toBe('2025-06-11T12:30:00.5+00:00');
    expect(cell('randomized_at', p3)).toBeNull();
    expect(cell('sex', p2)).toBe('male');
    expect(cell('birth_year', p2)).toBe(1970);
    expect(cell('status', p3)).toBe('screen_failed');
    expect(cell('screened_at', p2)).toBe('2025-06-10');
    expect(cell('eligible', p1)).toBe(1);
    expect(cell('eligible', p3)).toBe(0);
    expect(cell('consent_date', p1)).toBe('2025-06-01');
  });
});

describe('visit columns', () => {
  it('name a field by its snake-case stem and the visit, ODI sections with odi_ in front', () => {
    const cols = colsOf();
    expect(cols.has('q8_not_applicable_bl')).toBe(false);
    expect(cols.has('odi_q8_not_applicable_bl')).toBe(true);
    expect(cols.has('odi_q1_bl')).toBe(true);
    expect(cols.has('q1_bl')).toBe(false);
    expect(cols.has('odi_version_bl')).toBe(true);
    expect(cols.has('odi_odi_version_bl')).toBe(false);
    expect(cols.has('vas_mm_bl')).toBe(true);
  });

  it('describe a field with its label, form, visit, unit, range and allowed values', () => {
    expect(col('height_cm_scr')).toMatchObject({
      label: 'Height (Demographics, Screening)',
      type: 'decimal',
      unit: 'cm',
      min: 100,
      max: 230,
      visits: 'SCR',
      form: 'demographics',
      derived: false,
    });
    expect(col('bmi_scr').derived).toBe(true);
    expect(col('vas_method_bl').allowedValues?.map((v) => v.code)).toEqual(['paper', 'electronic']);
  });

  it('leave repeating forms to the counts', () => {
    const cols = colsOf();
    expect([...cols.keys()].filter((n) => /^(adverse_event|deviation|intervention)/.test(n))).toEqual([]);
    expect([...cols.values()].filter((c) => c.form === 'adverse_event').map((c) => c.name)).toEqual([
      'n_adverse_event',
    ]);
  });

  it('give the ODI totals once each, after the sections, recomputed from the items', () => {
    const bl = wideColumns(lbpTrial, full)
      .filter((c) => c.visits === 'BL' && c.form === 'odi')
      .map((c) => c.name);
    expect(bl.slice(-6)).toEqual([
      'odi_sum_bl',
      'odi_answered_bl',
      'odi_pct_x10_bl',
      'odi_pct_bl',
      'odi_low_completion_bl',
      'odi_definition_version_bl',
    ]);
    expect(bl.filter((n) => n === 'odi_sum_bl')).toHaveLength(1);
    expect(col('odi_pct_bl')).toMatchObject({
      label: 'ODI % (one decimal) (Oswestry Disability Index, Baseline)',
      type: 'decimal',
      unit: '%',
      min: 0,
      max: 100,
      derived: true,
    });
    expect(col('odi_sum_bl')).toMatchObject({ type: 'integer', min: 0, max: 50, derived: true });
    expect(col('odi_answered_bl')).toMatchObject({ type: 'integer', min: 0, max: 10 });
    expect(col('odi_pct_x10_bl')).toMatchObject({ type: 'integer', min: 0, max: 1000 });
    expect(col('odi_low_completion_bl')).toMatchObject({ type: 'boolean' });
    // p1's stored M1 totals (99, 3, 1) are wrong on purpose: the file shows the recomputed ones.
    expect(cell('odi_sum_m1', p1)).toBe(17);
    expect(cell('odi_answered_m1', p1)).toBe(10);
    expect(cell('odi_pct_x10_m1', p1)).toBe(340);
    expect(cell('odi_pct_m1', p1)).toBe('34.0');
    expect(cell('odi_low_completion_m1', p1)).toBe(0);
    expect(cell('odi_sum_bl', p2)).toBeNull();
    expect(cell('odi_low_completion_bl', p2)).toBe(1);
  });

  it('show a stored value as a CSV cell, and nothing for a visit without the record', () => {
    expect(cell('vas_mm_bl', p1)).toBe(0);
    expect(cell('vas_method_w1', p1)).toBe('electronic');
    expect(cell('odi_q8_not_applicable_bl', p1)).toBe(1);
    expect(cell('odi_q1_bl', p1)).toBe(3);
    expect(cell('vas_mm_m3', p1)).toBeNull();
    expect(cell('vas_mm_bl', p3)).toBeNull();
  });

  it('give two forms of one visit with the same field name the form code in front', () => {
    const def = structuredClone(lbpTrial);
    const vas = def.forms.find((f) => f.code === 'vas');
    const odiVersion = def.forms.find((f) => f.code === 'odi')?.fields.find((f) => f.name === 'odi_version');
    if (!vas || !odiVersion) throw new Error('fixture');
    vas.fields.push({ ...odiVersion });
    const clash = columns(def);
    expect(clash.has('vas_odi_version_bl')).toBe(true);
    expect(clash.has('odi_odi_version_bl')).toBe(true);
    expect(clash.has('odi_version_bl')).toBe(false);
    expect(clash.has('vas_mm_bl')).toBe(true);
  });

  it('add one definition-version column per form and visit, after that form and visit', () => {
    expect(col('vas_definition_version_bl')).toMatchObject({
      label: 'Study definition version the record was entered under (Pain (VAS), Baseline)',
      type: 'integer',
      min: 1,
      visits: 'BL',
      form: 'vas',
      derived: true,
    });
    const bl = wideColumns(lbpTrial, full)
      .filter((c) => c.visits === 'BL')
      .map((c) => c.name);
    expect(bl.filter((n) => n.includes('definition_version'))).toEqual([
      'vas_definition_version_bl',
      'odi_definition_version_bl',
    ]);
    expect(bl.at(-1)).toBe('odi_definition_version_bl');
    expect(cell('vas_definition_version_bl', p1)).toBe(1);
    expect(cell('vas_definition_version_m3', p1)).toBeNull();
  });
});

describe('count columns', () => {
  it('count the records of each repeating form over all visits, 0 when there are none', () => {
    expect(col('n_adverse_event')).toMatchObject({
      label: 'Number of Adverse event records (all visits)',
      type: 'integer',
      min: 0,
      visits: 'all',
      form: 'adverse_event',
      derived: true,
    });
    expect(cell('n_adverse_event', p1)).toBe(2);
    expect(cell('n_adverse_event', p2)).toBe(0);
    expect(cell('n_deviation', p2)).toBe(1);
    expect(cell('n_intervention_tlf_mob', p1)).toBe(2);
  });

  it('come last, and a blinded file has none for a hidden form', () => {
    const names = wideColumns(lbpTrial, full).map((c) => c.name);
    const counts = names.filter((n) => n.startsWith('n_'));
    expect(names.slice(-counts.length)).toEqual(counts);
    expect(wideColumns(lbpTrial, blind).map((c) => c.name)).not.toContain('n_intervention_tlf_mob');
  });
});
