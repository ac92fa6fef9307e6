import type { AllocationMismatch, AllocationVerification } from './allocation-verification';

/** The verification report (HTML and PDF are both rendered from this one model). */
export interface AllocationReport {
  reportId: string;
  study: { nctId: string; name: string };
  list: { id: string; name: string; createdAt: string };
  performedAt: string;
  performedBy: string;
  /** Arm code → English label, so a reader sees treatments, not codes. */
  armLabels: Record<string, string>;
  verification: AllocationVerification;
}

const mismatchText: Record<AllocationMismatch['kind'], string> = {
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

/** One sentence for the verdict, shared by the HTML and PDF reports and the command-line script. */
export function allocationVerdict(v: AllocationVerification): string {
  if (v.match) {
    return `MATCH: the commitment is confirmed and all ${v.slotsStored} stored slots and ${v.allocations.length} allocations equal the re-derived list.`;
  }
  if (!v.commitmentMatches && v.mismatchCount === 0) {
    return 'MISMATCH: the commitment recomputed from what was supplied differs from the stored commitment.';
  }
  return `MISMATCH: ${describeMismatch(v.firstMismatch)}${v.commitmentMatches ? '' : '; the commitment does not match either'} (${v.mismatchCount} difference(s) in all).`;
}

export function describeMismatch(m: AllocationMismatch | null): string {
  if (!m) return 'no difference';
  const where = m.stratum !== null ? ` at stratum ${m.stratum}, seq ${m.seq}` : '';
  const who = m.studyId ? ` (participant ${m.studyId})` : '';
  const values =
    m.expected !== null || m.stored !== null
      ? `: expected ${m.expected ?? '—'}, stored ${m.stored ?? '—'}`
      : '';
  return `first difference${where}${who}: ${mismatchText[m.kind]}${values}`;
}

/** Label/value rows of the report's header, in order (HTML and PDF show the same). */
export function allocationReportFacts(r: AllocationReport): [string, string][] {
  const v = r.verification;
  const p = v.params;
  const list = (x: unknown) => (Array.isArray(x) ? x.join(', ') : String(x ?? '—'));
  return [
    ['Study', `${r.study.nctId} — ${r.study.name}`],
    ['Randomization list', `${r.list.name} (${r.list.id}), created ${r.list.createdAt}`],
    [
      'Method',
      v.method === 'generated' ? 'generated in mini-EDC from a secret seed' : 'imported from a list file',
    ],
    ['Algorithm version', v.algorithmVersion ?? '—'],
    ['Arms (ratio)', `${list(p.arms)} (${list(p.ratio)})`],
    ['Block sizes', list(p.blockSizes)],
    ['Strata', list(p.strata)],
    ['Slots per stratum', String(p.slotsPerStratum ?? '—')],
    ['Stored commitment', v.commitment],
    ['Recomputed commitment', v.computedCommitment ?? '—'],
    ['Commitment', v.commitmentMatches ? 'confirmed' : 'NOT confirmed'],
    ['Slots stored / re-derived', `${v.slotsStored} / ${v.slotsDerived}`],
    ['Result', allocationVerdict(v)],
    ['Verified by', r.performedBy],
    ['Verified at', r.performedAt],
    ['Report id', r.reportId],
  ];
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A self-contained HTML page (no script, no external resource) for archiving with the trial. */
export function allocationReportHtml(r: AllocationReport): string {
  const v = r.verification;
  const facts = allocationReportFacts(r)
    .map(([k, val]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(val)}</td></tr>`)
    .join('\n');
  const rows = v.allocations
    .map(
      (a) =>
        `<tr${a.ok ? '' : ' class="bad"'}><td>${escapeHtml(a.studyId)}</td><td>${escapeHtml(a.stratum)}</td><td>${a.seq}</td>` +
        `<td>${escapeHtml(r.armLabels[a.arm] ?? a.arm)}</td><td>${escapeHtml(a.assignedAt ?? '—')}</td><td>${a.ok ? 'yes' : 'NO'}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Allocation verification — ${escapeHtml(r.study.nctId)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#111;max-width:60rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
th[scope=row]{width:14rem;background:#f3f3f3}
td{word-break:break-all}
.verdict{font-weight:bold;padding:.6rem;border:2px solid ${v.match ? '#166534' : '#991b1b'}}
tr.bad td{background:#fee2e2}
</style>
</head>
<body>
<h1>Allocation verification report</h1>
<p class="verdict">${escapeHtml(allocationVerdict(v))}</p>
<table>
${facts}
</table>
<h2>Allocation of every randomized participant (${v.allocations.length})</h2>
<table>
<thead><tr><th>Participant</th><th>Stratum</th><th>Seq</th><th>Arm</th><th>Randomized at</th><th>Equals re-derived list</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
