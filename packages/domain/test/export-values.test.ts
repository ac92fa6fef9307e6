import { describe, expect, it } from 'vitest';
import {
  csvCell,
  isOdiForm,
  isoDateTime,
  odiTotals,
  plainNumber,
  recordData,
  valueText,
  visibleArm,
  visitOrder,
} from '../src/export/values';
import type { FormDefinition } from '../src/study/definition-schema';
import { lbpTrial } from '../src/study/lbp-trial';
import { p1 } from './fixtures/export-participants';

function form(code: string): FormDefinition {
  const f = lbpTrial.forms.find((x) => x.code === code);
  if (!f) throw new Error(`no form ${code}`);
  return f;
}
const odi = form('odi');
const vas = form('vas');

/** ODI data with sections q1..q(n) answered with `score`, the rest left blank. */
function odiData(n: number, score: number): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  for (let i = 1; i <= 10; i += 1) d[`q${i}`] = i <= n ? score : null;
  return d;
}

describe('isOdiForm', () => {
  it('is true for a form with all ten sections, false when one is missing', () => {
    expect(isOdiForm(odi)).toBe(true);
    expect(isOdiForm(vas)).toBe(false);
    expect(isOdiForm({ ...odi, fields: odi.fields.filter((f) => f.name !== 'q10') })).toBe(false);
    expect(isOdiForm({ ...odi, fields: odi.fields.filter((f) => f.name !== 'q1') })).toBe(false);
  });
});

describe('odiTotals', () => {
  it('scores ten answered sections', () => {
    expect(odiTotals(odiData(10, 5))).toEqual({
      odi_sum: 50,
      odi_answered: 10,
      odi_pct_x10: 1000,
      odi_pct: '100.0',
      odi_low_completion: false,
    });
  });

  it('scores eight sections over 40 points and raises the low-completion flag below eight', () => {
    expect(odiTotals(odiData(8, 2))).toEqual({
      odi_sum: 16,
      odi_answered: 8,
      odi_pct_x10: 400,
      odi_pct: '40.0',
      odi_low_completion: false,
    });
    expect(odiTotals(odiData(7, 1))).toMatchObject({ odi_sum: 7, odi_answered: 7, odi_low_completion: true });
  });

  it('counts null, undefined and an empty string as unanswered, and 0 as an answer', () => {
    const d = { ...odiData(10, 0), q1: null, q2: undefined, q3: '' };
    expect(odiTotals(d)).toMatchObject({ odi_sum: 0, odi_answered: 7, odi_pct_x10: 0, odi_pct: '0.0' });
  });

  it('gives no score when nothing is answered, never 0, and raises the flag', () => {
    expect(odiTotals(odiData(0, 0))).toEqual({
      odi_sum: null,
      odi_answered: 0,
      odi_pct_x10: null,
      odi_pct: null,
      odi_low_completion: true,
    });
  });

  it('gives no totals at all when a section holds something other than an integer 0 to 5', () => {
    const none = {
      odi_sum: null,
      odi_answered: null,
      odi_pct_x10: null,
      odi_pct: null,
      odi_low_completion: null,
    };
    for (const bad of [6, -1, 2.5, '3', true, Number.NaN]) {
      expect(odiTotals({ ...odiData(10, 1), q4: bad }), String(bad)).toEqual(none);
    }
    expect(odiTotals({ ...odiData(10, 1), q4: 5 })).toMatchObject({ odi_sum: 14 });
    expect(odiTotals({ ...odiData(10, 1), q4: 0 })).toMatchObject({ odi_sum: 9 });
  });

  it('scores a record once: the same data gives back the same totals object', () => {
    const d = odiData(9, 3);
    expect(odiTotals(d)).toBe(odiTotals(d));
    expect(odiTotals(odiData(9, 3))).not.toBe(odiTotals(d));
  });
});

describe('recordData', () => {
  it('returns the stored data itself for a form that is not the ODI or no form', () => {
    const d = { vas_mm: 40, odi_sum: 3 };
    expect(recordData(vas, d)).toBe(d);
    expect(recordData(undefined, d)).toBe(d);
  });

  it('replaces the stored ODI totals the form declares by recomputed ones, keeps the rest', () => {
    const d = {
      ...odiData(10, 5),
      odi_sum: 3,
      odi_answered: 1,
      odi_low_completion: true,
      odi_version: '2.0-tr',
    };
    const out = recordData(odi, d);
    expect(out).toEqual({
      ...odiData(10, 5),
      odi_sum: 50,
      odi_answered: 10,
      odi_pct_x10: 1000,
      odi_low_completion: false,
      odi_version: '2.0-tr',
    });
    // odi_pct is not a field of the form: the record does not gain it.
    expect('odi_pct' in out).toBe(false);
    expect(d.odi_sum).toBe(3);
    expect(recordData(odi, d)).toBe(out);
  });
});

describe('plainNumber', () => {
  it('writes numbers without an exponent', () => {
    expect(plainNumber(12.5)).toBe('12.5');
    expect(plainNumber(-3)).toBe('-3');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-2e-7)).toBe('-0.0000002');
    // Without an exponent the shortest round-trip spelling is kept, not a longer expansion.
    expect(plainNumber(0.1 + 0.2)).toBe('0.30000000000000004');
  });
});

describe('valueText', () => {
  it('gives null for blanks: null, undefined, empty text and an empty list', () => {
    for (const blank of [null, undefined, '', []]) expect(valueText('text', blank)).toBeNull();
  });

  it('writes yes/no for a yes-no field and true/false for any other boolean', () => {
    expect(valueText('yes_no', true)).toBe('yes');
    expect(valueText('yes_no', false)).toBe('no');
    expect(valueText('boolean', true)).toBe('true');
    expect(valueText('boolean', false)).toBe('false');
    expect(valueText('unknown', false)).toBe('false');
  });

  it('joins a list with commas, a blank member as an empty place', () => {
    expect(valueText('multi_choice', ['I1', 'E2'])).toBe('I1,E2');
    expect(valueText('multi_choice', ['a', null, 3, true])).toBe('a,,3,true');
    expect(valueText('yes_no', [true])).toBe('true');
  });

  it('writes finite numbers plainly, no text for NaN or an infinity', () => {
    expect(valueText('decimal', 0)).toBe('0');
    expect(valueText('decimal', 1e21)).toBe('1000000000000000000000');
    expect(valueText('decimal', Number.NaN)).toBeNull();
    expect(valueText('decimal', Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('keeps text as stored and writes anything else as JSON', () => {
    expect(valueText('text', ' a "b" ')).toBe(' a "b" ');
    expect(valueText('unknown', { a: 1 })).toBe('{"a":1}');
  });
});

describe('csvCell', () => {
  it('gives null for blanks', () => {
    for (const blank of [null, undefined, '', []]) expect(csvCell('integer', blank)).toBeNull();
  });

  it('spells a time stamp of a datetime field the ISO way, and keeps one it cannot read', () => {
    expect(csvCell('datetime', '2025-06-11 12:30:00+00')).toBe('2025-06-11T12:30:00+00:00');
    expect(csvCell('datetime', 'soon')).toBe('soon');
    expect(csvCell('datetime', true)).toBe(1);
    expect(csvCell('text', '2025-06-11 12:30:00+00')).toBe('2025-06-11 12:30:00+00');
  });

  it('writes booleans as 1 and 0, except a yes-no field as yes and no', () => {
    expect(csvCell('boolean', true)).toBe(1);
    expect(csvCell('boolean', false)).toBe(0);
    expect(csvCell('yes_no', true)).toBe('yes');
    expect(csvCell('yes_no', false)).toBe('no');
  });

  it('keeps numbers as numbers, a non-finite one as blank, and joins a list', () => {
    expect(csvCell('integer', 0)).toBe(0);
    expect(csvCell('decimal', -2.5)).toBe(-2.5);
    expect(csvCell('decimal', Number.NaN)).toBeNull();
    expect(csvCell('multi_choice', ['I1', 'E2'])).toBe('I1,E2');
  });
});

describe('isoDateTime', () => {
  it('normalises a stored time stamp and leaves anything else as it is', () => {
    expect(isoDateTime('2025-06-11 12:30:00+0200')).toBe('2025-06-11T12:30:00+02:00');
    expect(isoDateTime('not a time')).toBe('not a time');
  });
});

describe('visibleArm', () => {
  it('gives the arm unless blinded', () => {
    expect(p1.arm).not.toBeNull();
    expect(visibleArm(p1, { blinded: false })).toBe(p1.arm);
    expect(visibleArm(p1, { blinded: true })).toBeNull();
  });
});

describe('visitOrder', () => {
  it('lists scheduled visits in schedule order, then other codes once each, alphabetically', () => {
    const scheduled = lbpTrial.visits.map((v) => v.code);
    expect(scheduled.length).toBeGreaterThan(2);
    expect(visitOrder(lbpTrial, [])).toEqual(scheduled);
    expect(visitOrder(lbpTrial, ['UNS', scheduled[1] ?? '', 'TX', 'UNS', 'AB'])).toEqual([
      ...scheduled,
      'AB',
      'TX',
      'UNS',
    ]);
  });
});
