import { describe, expect, it } from 'vitest';
import { longCsvHeader, longCsvRows, sortRecords } from '../src/export/long-csv';
import type { ExportParticipant, ExportRecord } from '../src/export/types';
import { smallDefinition, smallParticipant } from './fixtures/small-definition';

const full = { blinded: false };

function rec(visitCode: string, formCode: string, seq: number): ExportRecord {
  return {
    recordId: `${visitCode}-${formCode}-${seq}`,
    visitCode,
    formCode,
    seq,
    status: 'draft',
    version: 3,
    definitionVersion: 1,
    data: {},
    audit: [],
  };
}
const key = (r: ExportRecord) => `${r.visitCode}/${r.formCode}/${r.seq}`;

describe('sortRecords', () => {
  it('orders by schedule, then by place in the visit, then the definition, then code, then seq', () => {
    const records = [
      rec('TX', 'f1', 1),
      rec('UNS', 'f1', 1),
      rec('BL', 'zz', 1),
      rec('BL', 'gone', 1),
      rec('TX', 'ae', 1),
      rec('BL', 'ae', 2),
      rec('BL', 'ae', 1),
      rec('BL', 'f1', 1),
      rec('SCR', 'f1', 2),
      rec('SCR', 'f1', 1),
    ];
    expect(sortRecords(smallDefinition, records).map(key)).toEqual([
      'SCR/f1/1',
      'SCR/f1/2',
      'BL/f1/1',
      'BL/ae/1',
      'BL/ae/2',
      'BL/gone/1',
      'BL/zz/1',
      'TX/f1/1',
      'TX/ae/1',
      'UNS/f1/1',
    ]);
    expect(records.map(key)[0]).toBe('TX/f1/1');
    // At a visit that does not list them, a form of the definition comes before one it does not
    // know, even when the unknown code sorts first.
    expect(sortRecords(smallDefinition, [rec('TX', 'aa', 1), rec('TX', 'ae', 1)]).map(key)).toEqual([
      'TX/ae/1',
      'TX/aa/1',
    ]);
  });
});

describe('longCsvRows', () => {
  it('writes every field of each record, blank ones too, then the keys the definition does not know', () => {
    const p: ExportParticipant = {
      ...smallParticipant,
      records: [{ ...rec('BL', 'f1', 1), data: { size: 3, tags: ['a'], zeta: 'z', alpha: 2 } }],
    };
    const lead = ['S01-0009', 'S01', 'TLF_MOB', 'S01', '2025-06-02T10:00:00+00:00', 'BL', 'f1', 1];
    const tail = ['draft', 3, 1];
    expect(longCsvRows(smallDefinition, p, full)).toEqual(
      [
        ['size', 3],
        ['width', null],
        ['depth', null],
        ['plain', null],
        ['ok', null],
        ['colour', null],
        ['tags', 'a'],
        ['alpha', 2],
        ['zeta', 'z'],
      ].map((fv) => [...lead, ...fv, ...tail]),
    );
    expect(longCsvHeader(full)).toHaveLength(lead.length + 2 + tail.length);
  });

  it('keeps every key of a form the definition does not know, and no arm when blinded', () => {
    const p: ExportParticipant = {
      ...smallParticipant,
      records: [{ ...rec('BL', 'gone', 1), data: { b: true, a: null } }],
    };
    expect(longCsvRows(smallDefinition, p, full).map((r) => r.slice(8, 10))).toEqual([
      ['a', null],
      ['b', 1],
    ]);
    const header = longCsvHeader({ blinded: true });
    expect(header).not.toContain('arm');
    expect(header.slice(0, 3)).toEqual(['study_id', 'site', 'stratum']);
  });
});
