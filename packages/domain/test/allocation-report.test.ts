import { describe, expect, it } from 'vitest';
// Imported from their modules, not the package index: mutation testing re-imports a test file
// for every mutant, and the index is the whole package.
import {
  type AllocationReport,
  allocationReportFacts,
  allocationReportHtml,
  allocationVerdict,
  describeMismatch,
} from '../src/closeout/allocation-report';
import type {
  AllocationMismatch,
  AllocationVerification,
  MismatchKind,
  VerifiedAllocation,
} from '../src/closeout/allocation-verification';

// The allocation verification report (docs/closeout.md): the verdict sentence, the header rows and
// the archived HTML page, rendered from one model that the API and the command-line script share.

const first: VerifiedAllocation = {
  studyId: 'S01-0001',
  siteCode: 'S01',
  stratum: 'S01',
  seq: 1,
  arm: 'A',
  expectedArm: 'A',
  assignedAt: '2026-02-01T10:00:00.000Z',
  ok: true,
};
const second: VerifiedAllocation = {
  studyId: 'S02-0001',
  siteCode: 'S02',
  stratum: 'S02',
  seq: 1,
  arm: 'B',
  expectedArm: 'B',
  assignedAt: null,
  ok: true,
};

function verification(over: Partial<AllocationVerification> = {}): AllocationVerification {
  return {
    method: 'generated',
    algorithmVersion: 'blocks-v1',
    params: {
      arms: ['A', 'B'],
      ratio: [1, 1],
      blockSizes: [2, 4],
      strata: ['S01', 'S02'],
      slotsPerStratum: 40,
    },
    commitment: 'c0ffee',
    computedCommitment: 'c0ffee',
    commitmentMatches: true,
    slotsStored: 80,
    slotsDerived: 80,
    mismatchCount: 0,
    firstMismatch: null,
    allocations: [first, second],
    match: true,
    ...over,
  };
}

function report(v: AllocationVerification = verification()): AllocationReport {
  return {
    reportId: 'rep-1',
    study: { nctId: 'NCT07241559', name: 'LBP trial' },
    list: { id: 'list-1', name: 'Main', createdAt: '2026-01-01T00:00:00.000Z' },
    performedAt: '2026-06-01T12:00:00.000Z',
    performedBy: 'Stat Istician',
    armLabels: { A: 'Fascia mobilization' },
    verification: v,
  };
}

const mismatch = (over: Partial<AllocationMismatch> = {}): AllocationMismatch => ({
  kind: 'arm',
  stratum: 'S01',
  seq: 3,
  expected: 'A',
  stored: 'B',
  studyId: 'S01-0003',
  ...over,
});

describe('allocationVerdict', () => {
  it('a match names the stored slots and the allocations', () => {
    expect(allocationVerdict(verification())).toBe(
      'MATCH: the commitment is confirmed and all 80 stored slots and 2 allocations equal the re-derived list.',
    );
  });

  it('a commitment that differs with no other difference says only that', () => {
    const v = verification({ match: false, commitmentMatches: false, computedCommitment: 'bad' });
    expect(allocationVerdict(v)).toBe(
      'MISMATCH: the commitment recomputed from what was supplied differs from the stored commitment.',
    );
  });

  it('a slot difference with a confirmed commitment names the first difference and the count', () => {
    const v = verification({ match: false, mismatchCount: 3, firstMismatch: mismatch() });
    expect(allocationVerdict(v)).toBe(
      'MISMATCH: first difference at stratum S01, seq 3 (participant S01-0003): the stored arm differs from the re-derived arm: expected A, stored B (3 difference(s) in all).',
    );
  });

  it('a slot difference and a wrong commitment say both', () => {
    const v = verification({
      match: false,
      commitmentMatches: false,
      mismatchCount: 1,
      firstMismatch: mismatch(),
    });
    expect(allocationVerdict(v)).toBe(
      'MISMATCH: first difference at stratum S01, seq 3 (participant S01-0003): the stored arm differs from the re-derived arm: expected A, stored B; the commitment does not match either (1 difference(s) in all).',
    );
  });

  it('the commitment sentence is only for a commitment that differs', () => {
    // Not a match, yet the commitment is confirmed and no difference is counted: the verdict is
    // still a mismatch, and it does not blame the commitment.
    const v = verification({ match: false });
    expect(allocationVerdict(v)).toBe('MISMATCH: no difference (0 difference(s) in all).');
  });
});

describe('describeMismatch', () => {
  it('without a mismatch: no difference', () => {
    expect(describeMismatch(null)).toBe('no difference');
  });

  it('without a place, a participant or values, only the kind', () => {
    const m = mismatch({
      kind: 'params_invalid',
      stratum: null,
      seq: null,
      expected: null,
      stored: null,
      studyId: null,
    });
    expect(describeMismatch(m)).toBe(
      'first difference: the stored list parameters are not a valid parameter set',
    );
  });

  it('a missing value on one side is a dash; a number is printed as it is', () => {
    expect(
      describeMismatch(mismatch({ kind: 'missing_slot', expected: 2, stored: null, studyId: null })),
    ).toBe(
      'first difference at stratum S01, seq 3: a slot of the re-derived list is not stored: expected 2, stored —',
    );
    expect(
      describeMismatch(mismatch({ kind: 'unexpected_slot', expected: null, stored: 0, studyId: null })),
    ).toBe(
      'first difference at stratum S01, seq 3: a stored slot is not in the re-derived list: expected —, stored 0',
    );
  });

  it('an empty participant id is not printed', () => {
    expect(describeMismatch(mismatch({ studyId: '' }))).toBe(
      'first difference at stratum S01, seq 3: the stored arm differs from the re-derived arm: expected A, stored B',
    );
  });

  it('every kind has its own sentence', () => {
    const texts: Record<MismatchKind, string> = {
      params_invalid: 'the stored list parameters are not a valid parameter set',
      list_file_invalid: 'the list file supplied does not pass the import checks',
      missing_slot: 'a slot of the re-derived list is not stored',
      unexpected_slot: 'a stored slot is not in the re-derived list',
      arm: 'the stored arm differs from the re-derived arm',
      block_no: 'the stored block number differs',
      block_size: 'the stored block size differs',
      pos_in_block: 'the stored position in block differs',
      allocation_stratum: "the participant's site is not the stratum of the slot",
    };
    for (const [kind, text] of Object.entries(texts) as [MismatchKind, string][]) {
      const m = mismatch({ kind, stratum: null, expected: null, stored: null, studyId: null });
      expect(describeMismatch(m)).toBe(`first difference: ${text}`);
    }
  });
});

describe('allocationReportFacts', () => {
  it('lists the header rows in order, arrays joined and arm ratios beside the arms', () => {
    expect(allocationReportFacts(report())).toEqual([
      ['Study', 'NCT07241559 — LBP trial'],
      ['Randomization list', 'Main (list-1), created 2026-01-01T00:00:00.000Z'],
      ['Method', 'generated in mini-EDC from a secret seed'],
      ['Algorithm version', 'blocks-v1'],
      ['Arms (ratio)', 'A, B (1, 1)'],
      ['Block sizes', '2, 4'],
      ['Strata', 'S01, S02'],
      ['Slots per stratum', '40'],
      ['Stored commitment', 'c0ffee'],
      ['Recomputed commitment', 'c0ffee'],
      ['Commitment', 'confirmed'],
      ['Slots stored / re-derived', '80 / 80'],
      [
        'Result',
        'MATCH: the commitment is confirmed and all 80 stored slots and 2 allocations equal the re-derived list.',
      ],
      ['Verified by', 'Stat Istician'],
      ['Verified at', '2026-06-01T12:00:00.000Z'],
      ['Report id', 'rep-1'],
    ]);
  });

  it('an imported list with unreadable parameters: dashes for what is missing, scalars printed as they are', () => {
    const v = verification({
      method: 'imported',
      algorithmVersion: null,
      params: { arms: 'A', ratio: null, blockSizes: 4, slotsPerStratum: 0 },
      computedCommitment: null,
      commitmentMatches: false,
      slotsDerived: 0,
      match: false,
    });
    const facts = new Map(allocationReportFacts(report(v)));
    expect(facts.get('Method')).toBe('imported from a list file');
    expect(facts.get('Algorithm version')).toBe('—');
    expect(facts.get('Arms (ratio)')).toBe('A (—)');
    expect(facts.get('Block sizes')).toBe('4');
    expect(facts.get('Strata')).toBe('—');
    expect(facts.get('Slots per stratum')).toBe('0');
    expect(facts.get('Recomputed commitment')).toBe('—');
    expect(facts.get('Commitment')).toBe('NOT confirmed');
    expect(facts.get('Slots stored / re-derived')).toBe('80 / 0');
  });

  it('slots per stratum missing is a dash', () => {
    const facts = new Map(allocationReportFacts(report(verification({ params: {} }))));
    expect(facts.get('Slots per stratum')).toBe('—');
    expect(facts.get('Arms (ratio)')).toBe('— (—)');
  });
});

describe('allocationReportHtml', () => {
  it('is a self-contained page: no script, no external resource', () => {
    const html = allocationReportHtml(report());
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<title>Allocation verification — NCT07241559</title>');
    expect(html).not.toMatch(/<script|<link|src=|href=|url\(/i);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows the verdict, every header row and one row per allocation with the arm label', () => {
    const html = allocationReportHtml(report());
    expect(html).toContain(
      '<p class="verdict">MATCH: the commitment is confirmed and all 80 stored slots and 2 allocations equal the re-derived list.</p>',
    );
    expect(html).toContain(
      '<tr><th scope="row">Study</th><td>NCT07241559 — LBP trial</td></tr>\n<tr><th scope="row">Randomization list</th>',
    );
    expect(html).toContain('<tr><th scope="row">Report id</th><td>rep-1</td></tr>\n</table>');
    expect(html).toContain('<h2>Allocation of every randomized participant (2)</h2>');
    // A labelled arm shows its label, an unlabelled one its code; no time is a dash.
    expect(html).toContain(
      '<tr><td>S01-0001</td><td>S01</td><td>1</td><td>Fascia mobilization</td><td>2026-02-01T10:00:00.000Z</td><td>yes</td></tr>\n<tr><td>S02-0001</td><td>S02</td><td>1</td><td>B</td><td>—</td><td>yes</td></tr>\n</tbody>',
    );
  });

  it('marks an allocation that differs and frames the verdict red; a match green', () => {
    const ok = allocationReportHtml(report());
    expect(ok).toContain('border:2px solid #166534');
    expect(ok).not.toContain('#991b1b}');
    expect(ok).not.toContain('class="bad"');
    const bad = verification({
      match: false,
      mismatchCount: 1,
      firstMismatch: mismatch({ seq: 1, studyId: 'S02-0001', stratum: 'S02' }),
      allocations: [first, { ...second, expectedArm: 'A', ok: false }],
    });
    const html = allocationReportHtml(report(bad));
    expect(html).toContain('border:2px solid #991b1b');
    expect(html).toContain(
      '<tr class="bad"><td>S02-0001</td><td>S02</td><td>1</td><td>B</td><td>—</td><td>NO</td></tr>',
    );
    expect(html.match(/class="bad"/g)).toHaveLength(1);
  });

  it('escapes every markup character of what it prints, each occurrence, once', () => {
    const r = report(verification({ allocations: [{ ...first, studyId: '<&>"\'<&>"\'' }, second] }));
    r.study = { nctId: 'N<1>', name: `a & b & "c" 'd' <e>` };
    const html = allocationReportHtml(r);
    expect(html).toContain('<title>Allocation verification — N&lt;1&gt;</title>');
    expect(html).toContain('<td>N&lt;1&gt; — a &amp; b &amp; &quot;c&quot; &#39;d&#39; &lt;e&gt;</td>');
    expect(html).toContain('<td>&lt;&amp;&gt;&quot;&#39;&lt;&amp;&gt;&quot;&#39;</td>');
    expect(html).not.toContain('&amp;lt;');
  });
});
