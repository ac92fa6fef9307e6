import { describe, expect, it } from 'vitest';
import { longCsvHeader, longCsvRows } from '../src/export/long-csv';
import { lbpTrial } from '../src/study/lbp-trial';
import { NASTY, p1, p2, p3, participants } from './fixtures/export-participants';

const full = { blinded: false };
const blind = { blinded: true };
const headerOf = () => longCsvHeader(full);
const col = (name: string, opts = full) => longCsvHeader(opts).indexOf(name);

describe('long CSV', () => {
  it('has the documented header, without arm when blinded', () => {
    const header = headerOf();
    expect(header).toEqual([
      'study_id',
      'site',
      'arm',
      'stratum',
      'randomized_at',
      'visit',
      'form',
      'seq',
      'field',
      'value',
      'record_status',
      'record_version',
      'definition_version',
    ]);
    expect(longCsvHeader(blind)).not.toContain('arm');
  });

  it('has one row per record × field, aligned with the header, repeating forms included', () => {
    const header = headerOf();
    for (const p of participants) {
      for (const row of longCsvRows(lbpTrial, p, full)) expect(row).toHaveLength(header.length);
    }
    const rows = longCsvRows(lbpTrial, p1, full);
    const aeFields = lbpTrial.forms.find((f) => f.code === 'adverse_event')?.fields.length ?? 0;
    expect(rows.filter((r) => r[col('form')] === 'adverse_event')).toHaveLength(2 * aeFields);
    expect(
      rows.filter((r) => r[col('form')] === 'intervention_tlf_mob' && r[col('seq')] === 2).length,
    ).toBeGreaterThan(0);
    const ae2 = rows.find(
      (r) =>
        r[col('form')] === 'adverse_event' && r[col('seq')] === 2 && r[col('field')] === 'serious_criteria',
    );
    expect(ae2?.[col('value')]).toBe('hospitalisation,other_important');
    expect(ae2?.[col('record_status')]).toBe('draft');
    expect(rows.some((r) => r[col('value')] === NASTY)).toBe(true);
  });

  it('sorts records by schedule, then by the form’s place in the visit, then seq', () => {
    const keys = longCsvRows(lbpTrial, p1, full).map(
      (r) => `${r[col('visit')]}/${r[col('form')]}/${r[col('seq')]}`,
    );
    const unique = [...new Set(keys)];
    expect(unique).toEqual([
      'SCR/consent/1',
      'SCR/demographics/1',
      'BL/vas/1',
      'BL/odi/1',
      'W1/vas/1',
      'W1/adverse_event/1',
      'W1/adverse_event/2',
      'M1/odi/1',
      'TX/intervention_tlf_mob/1',
      'TX/intervention_tlf_mob/2',
    ]);
  });

  it('writes missing values as null and recomputed ODI totals', () => {
    const rows = longCsvRows(lbpTrial, p1, full);
    const value = (visit: string, field: string) =>
      rows.find((r) => r[col('visit')] === visit && r[col('field')] === field)?.[col('value')];
    expect(value('M1', 'odi_sum')).toBe(17);
    expect(value('BL', 'q8')).toBeNull();
    expect(value('BL', 'vas_mm')).toBe(0);
    expect(longCsvRows(lbpTrial, p3, full).every((r) => r[col('arm')] === null)).toBe(true);
  });

  it('keeps data keys the definition does not know, after the defined fields', () => {
    const rows = longCsvRows(lbpTrial, p2, full).filter((r) => r[col('form')] === 'deviation');
    expect(rows.at(-1)?.slice(col('field'), col('value') + 1)).toEqual(['extra_key', 7]);
  });

  it('blinded: no arm, no intervention, adverse event or deviation records', () => {
    for (const p of participants) {
      const rows = longCsvRows(lbpTrial, p, blind);
      for (const r of rows) {
        expect(r).toHaveLength(longCsvHeader(blind).length);
        expect(r).not.toContain('TLF_MOB');
        expect(r).not.toContain('US_D5W');
        expect(String(r[col('form', blind)])).not.toMatch(/^(intervention_|adverse_event|deviation)/);
      }
    }
    // The unblinded file has the deviation, and the blinded one still has the outcome data.
    expect(longCsvRows(lbpTrial, p2, full).some((r) => r[col('form')] === 'deviation')).toBe(true);
    expect(longCsvRows(lbpTrial, p2, blind).some((r) => r[col('form', blind)] === 'vas')).toBe(true);
  });
});
