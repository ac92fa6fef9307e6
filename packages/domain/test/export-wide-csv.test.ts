import { describe, expect, it } from 'vitest';
import {
  dataDictionaryCsvRows,
  dataDictionaryMarkdown,
  dataDictionaryRows,
} from '../src/export/data-dictionary';
import type { ExportParticipant } from '../src/export/types';
import { wideCsvHeader, wideCsvRow } from '../src/export/wide-csv';
import { lbpTrial } from '../src/study/lbp-trial';
import { p1, p2, p3, participants } from './fixtures/export-participants';

const full = { blinded: false };
const blind = { blinded: true };
const headerOf = () => wideCsvHeader(lbpTrial, full);
const cell = (p: ExportParticipant, column: string, opts = full) =>
  wideCsvRow(lbpTrial, p, opts)[wideCsvHeader(lbpTrial, opts).indexOf(column)];

describe('wide CSV', () => {
  it('starts with the participant columns and names visit columns <field>_<visit>', () => {
    const header = headerOf();
    expect(header.slice(0, 11)).toEqual([
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
    for (const c of [
      'vas_mm_bl',
      'vas_mm_m1',
      'odi_q1_bl',
      'odi_pct_x10_m3',
      'odi_sum_w1',
      'odi_pct_m1',
      'status_m3',
    ]) {
      expect(header).toContain(c);
    }
    expect(new Set(header).size).toBe(header.length);
    for (const c of header) expect(c).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('orders visits as scheduled and keeps repeating forms out, except for counts', () => {
    const header = headerOf();
    const firstOf = (suffix: string) => header.findIndex((c) => c.endsWith(`_${suffix}`));
    expect(firstOf('scr')).toBeLessThan(firstOf('bl'));
    expect(firstOf('bl')).toBeLessThan(firstOf('w1'));
    expect(firstOf('m1')).toBeLessThan(firstOf('m3'));
    expect(header.filter((c) => c.startsWith('onset_date'))).toEqual([]);
    expect(header.slice(-4)).toEqual([
      'n_intervention_tlf_mob',
      'n_intervention_us_d5w',
      'n_adverse_event',
      'n_deviation',
    ]);
    expect(cell(p1, 'n_adverse_event')).toBe(2);
    expect(cell(p1, 'n_intervention_tlf_mob')).toBe(2);
  });

  it('rows line up with the header', () => {
    const header = headerOf();
    for (const p of participants) expect(wideCsvRow(lbpTrial, p, full)).toHaveLength(header.length);
    expect(wideCsvRow(lbpTrial, p1, blind)).toHaveLength(wideCsvHeader(lbpTrial, blind).length);
  });

  it('writes missing values as null, never 0, and keeps a real 0', () => {
    const header = headerOf();
    expect(cell(p3, 'birth_year')).toBeNull();
    expect(cell(p3, 'vas_mm_bl')).toBeNull();
    expect(cell(p2, 'vas_mm_bl')).toBeNull(); // cleared after entry
    expect(cell(p1, 'vas_mm_bl')).toBe(0); // a measured "no pain"
    expect(cell(p1, 'vas_mm_m3')).toBeNull();
    // ODI with no section answered: no score (protocol §3.2 rule 5), the count is a true 0.
    expect(cell(p2, 'odi_sum_bl')).toBeNull();
    expect(cell(p2, 'odi_pct_bl')).toBeNull();
    expect(cell(p2, 'odi_pct_x10_bl')).toBeNull();
    expect(cell(p2, 'odi_answered_bl')).toBe(0);
    // No ODI record at all: every total is missing.
    expect(cell(p3, 'odi_answered_bl')).toBeNull();
    // A screen failure's visit columns are all empty, not zero.
    const row = wideCsvRow(lbpTrial, p3, full);
    header.forEach((c, i) => {
      if (/_(bl|w1|m1|m3)$/.test(c)) expect(row[i], c).toBeNull();
    });
  });

  it('recomputes ODI totals from the items (stored odi_sum 99 is ignored)', () => {
    expect(cell(p1, 'odi_sum_m1')).toBe(17);
    expect(cell(p1, 'odi_answered_m1')).toBe(10);
    expect(cell(p1, 'odi_pct_x10_m1')).toBe(340);
    expect(cell(p1, 'odi_pct_m1')).toBe('34.0');
    // Protocol §3.3 W2: section 8 skipped, 16/45 → 35.6, rounded not truncated.
    expect(cell(p1, 'odi_pct_bl')).toBe('35.6');
    expect(cell(p1, 'odi_answered_bl')).toBe(9);
  });

  it('writes booleans as 1/0, multiple choices as codes, time stamps in one ISO form', () => {
    expect(cell(p1, 'eligible')).toBe(1);
    expect(cell(p3, 'eligible')).toBe(0);
    expect(cell(p1, 'odi_q8_not_applicable_bl')).toBe(1);
    expect(cell(p3, 'failed_criteria_scr')).toBe('E2');
    expect(cell(p2, 'randomized_at')).toBe('2025-06-11T12:30:00.5+00:00');
  });

  it('blinded: no arm column and nothing that reveals the arm', () => {
    const h = wideCsvHeader(lbpTrial, blind);
    expect(h).not.toContain('arm');
    expect(h.filter((c) => /arm|intervention/.test(c))).toEqual([]);
    for (const p of participants) {
      const row = wideCsvRow(lbpTrial, p, blind);
      expect(row).not.toContain('TLF_MOB');
      expect(row).not.toContain('US_D5W');
    }
  });
});

describe('data dictionary', () => {
  it('describes every wide column and nothing else, in file order', () => {
    for (const opts of [full, blind]) {
      expect(dataDictionaryRows(lbpTrial, opts).map((r) => r.variable)).toEqual(
        wideCsvHeader(lbpTrial, opts),
      );
    }
  });

  it('carries type, unit, range, allowed values, visit, form and derived flag', () => {
    const rows = new Map(dataDictionaryRows(lbpTrial).map((r) => [r.variable, r]));
    expect(rows.get('vas_mm_m1')).toMatchObject({
      type: 'integer',
      unit: 'mm',
      min: 0,
      max: 100,
      visits: 'M1',
      form: 'vas',
      derived: false,
    });
    expect(rows.get('odi_pct_m3')).toMatchObject({
      type: 'decimal',
      visits: 'M3',
      form: 'odi',
      derived: true,
    });
    expect(rows.get('arm')?.allowedValues).toContain('TLF_MOB = Thoracolumbar fascia mobilization');
    expect(rows.get('vas_method_bl')?.allowedValues).toBe('paper = Paper; electronic = Electronic');
    expect(rows.get('n_adverse_event')).toMatchObject({ visits: 'all', derived: true });
    expect(rows.get('study_id')).toMatchObject({ visits: '', form: '' });
  });

  it('as CSV rows: header first, one string row per variable', () => {
    const rows = dataDictionaryCsvRows(lbpTrial, blind);
    expect(rows[0]).toEqual([
      'variable',
      'label',
      'type',
      'unit',
      'allowed_values',
      'min',
      'max',
      'visits',
      'form',
      'derived',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(wideCsvHeader(lbpTrial, blind));
    for (const r of rows) expect(r.every((c) => typeof c === 'string')).toBe(true);
  });

  it('as Markdown: one table row per variable, pipes escaped', () => {
    const header = headerOf();
    const md = dataDictionaryMarkdown(lbpTrial);
    const tableRows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(tableRows).toHaveLength(header.length + 2);
    expect(md).toContain('| vas_mm_bl | Pain VAS (Pain (VAS), Baseline) | integer | mm |');
    expect(dataDictionaryMarkdown(lbpTrial, blind)).not.toMatch(/\| arm \|/);
  });
});
