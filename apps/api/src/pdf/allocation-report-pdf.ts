import { type AllocationReport, allocationReportFacts, allocationVerdict } from '@mini-edc/domain';
import { factTable, heading, newPdf, paragraph, pdfToBuffer, table } from './pdf-document';

/** The allocation verification report as PDF: the same facts and rows as the HTML page. */
export function allocationReportPdf(r: AllocationReport): Promise<Buffer> {
  const v = r.verification;
  const doc = newPdf({
    title: `Allocation verification — ${r.study.nctId}`,
    subject: `Randomization list ${r.list.name}`,
    createdAt: new Date(r.performedAt),
    lang: 'en',
  });
  heading(doc, 'Allocation verification report', 18);
  paragraph(doc, allocationVerdict(v), { size: 11, color: v.match ? '#166534' : '#991b1b' });
  doc.moveDown(0.5);
  factTable(doc, allocationReportFacts(r));
  heading(doc, `Allocation of every randomized participant (${v.allocations.length})`, 12);
  table(
    doc,
    [
      { header: 'Participant', width: 0.14 },
      { header: 'Stratum', width: 0.1 },
      { header: 'Seq', width: 0.07 },
      { header: 'Arm', width: 0.35 },
      { header: 'Randomized at (UTC)', width: 0.22 },
      { header: 'Equals list', width: 0.12 },
    ],
    v.allocations.map((a) => [
      a.studyId,
      a.stratum,
      String(a.seq),
      r.armLabels[a.arm] ?? a.arm,
      a.assignedAt ? `${a.assignedAt.slice(0, 10)} ${a.assignedAt.slice(11, 19)}` : '—',
      a.ok ? 'yes' : 'NO',
    ]),
  );
  return pdfToBuffer(doc);
}
