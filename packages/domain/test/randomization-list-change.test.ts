import { describe, expect, it } from 'vitest';
import { planListChange, segmentOffsets } from '../src/randomization/list-change';

const current = [
  { stratum: 'S02', total: 80, assigned: 12 },
  { stratum: 'S01', total: 84, assigned: 84 },
];

describe('planListChange', () => {
  it('lists every stratum, sorted, with what is used, what is left and where the new slots start', () => {
    expect(planListChange(current, { S01: 40, S03: 20 })).toEqual([
      { stratum: 'S01', used: 84, remaining: 0, toAppend: 40, firstNewSeq: 85, added: false },
      { stratum: 'S02', used: 12, remaining: 68, toAppend: 0, firstNewSeq: null, added: false },
      { stratum: 'S03', used: 0, remaining: 0, toAppend: 20, firstNewSeq: 1, added: true },
    ]);
  });

  it('does not call a stratum added when nothing is appended to it', () => {
    expect(planListChange([], { S04: 0 })).toEqual([
      { stratum: 'S04', used: 0, remaining: 0, toAppend: 0, firstNewSeq: null, added: false },
    ]);
    expect(planListChange([], {})).toEqual([]);
  });
});

describe('segmentOffsets', () => {
  it('gives each stratum of the segment the number of slots before it, 0 for a new one', () => {
    expect(segmentOffsets(current, ['S01', 'S02', 'S03'])).toEqual({ S01: 84, S02: 80, S03: 0 });
    expect(segmentOffsets(current, [])).toEqual({});
  });
});
