// The bench's pure helpers (docs/benchmarks.md): the CPU profile summary it prints after its table
// and that `node bench/profile-top.mjs` prints, and the insert/correction mix of a list of save steps.
import { describe, expect, it } from 'vitest';
import { stepMix } from '../bench/src/forms';
import { type CpuProfile, formatTopSelfTime, topSelfTime } from '../bench/src/profile-summary.mjs';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

/** Samples 1 ms apart from 1 000 000 µs: idle, a, b (as two nodes of one function), a, c, idle. */
const profile: CpuProfile = {
  startTime: 1_000_000,
  nodes: [
    { id: 1, callFrame: frame('(idle)') },
    { id: 2, callFrame: frame('parse', '/work/x/node_modules/pg/lib/result.js', 81) },
    { id: 3, callFrame: frame('writev') },
    { id: 4, callFrame: frame('writev') },
    { id: 5, callFrame: frame('', '/work/x/apps/api/dist/server.js', 9) },
  ],
  samples: [1, 2, 3, 4, 2, 5, 1],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('topSelfTime', () => {
  it('sums self time per function over its nodes, leaves idle out of the ranking and the shares', () => {
    const summary = topSelfTime(profile);
    expect(summary.sampledMicros).toBe(7000);
    expect(summary.busyMicros).toBe(5000);
    expect(summary.top).toEqual([
      { name: 'parse node_modules/pg/lib/result.js:82', micros: 2000, share: 0.4 },
      { name: 'writev', micros: 2000, share: 0.4 },
      { name: '(anonymous) apps/api/dist/server.js:10', micros: 1000, share: 0.2 },
    ]);
  });

  it('counts only the samples taken within the window, on the profile’s clock', () => {
    // Samples at 1 003 000 (writev) and 1 004 000 (writev) µs.
    const summary = topSelfTime(profile, { from: 1_003_000, to: 1_004_000 });
    expect(summary.top).toEqual([{ name: 'writev', micros: 2000, share: 1 }]);
    expect(topSelfTime(profile, {}, 1).top.map((f) => f.name)).toEqual([
      'parse node_modules/pg/lib/result.js:82',
    ]);
  });

  it('formats a total line and a Markdown table', () => {
    const [total, header, , first] = formatTopSelfTime(topSelfTime(profile, {}, 1));
    expect(total).toBe('0.0 s sampled, 0.0 s not idle');
    expect(header).toBe('| function | self ms | % of non-idle |');
    expect(first).toBe('| `parse node_modules/pg/lib/result.js:82` | 2 | 40.0 |');
  });
});

describe('stepMix', () => {
  it('counts the first two passes over the participants as inserts and later passes as corrections', () => {
    const participants = ['p1', 'p2', 'p3'];
    expect(stepMix(participants, [0, 1, 2, 3, 4, 5])).toEqual({ inserts: 6, corrections: 0 });
    expect(stepMix(participants, [4, 5, 6, 7, 11, 12])).toEqual({ inserts: 2, corrections: 4 });
  });
});
