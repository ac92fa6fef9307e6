import type { StudyDefinition } from '../study/definition-schema';

/** One participant's facts the missing-forms check needs. */
export interface ParticipantCompleteness {
  studyId: string;
  /** Codes of follow-up visits marked done (the baseline is always expected once randomized). */
  doneVisits: readonly string[];
  records: readonly { visitCode: string; formCode: string; status: string }[];
}

export interface MissingForm {
  studyId: string;
  visitCode: string;
  formCode: string;
  /** missing: no record at all; draft: started but never completed. */
  problem: 'missing' | 'draft';
}

/**
 * Forms a randomized participant should have before lock (pre-lock checks): every form of the
 * baseline and of each visit marked done, except repeating forms (adverse events, sessions),
 * which exist only when something happened; and every draft anywhere, which was never completed.
 */
export function missingForms(study: StudyDefinition, participant: ParticipantCompleteness): MissingForm[] {
  const out: MissingForm[] = [];
  const repeating = new Set(study.forms.filter((f) => f.repeating).map((f) => f.code));
  const expectedVisits = study.visits.filter(
    (v) => v.kind === 'baseline' || (v.kind === 'follow_up' && participant.doneVisits.includes(v.code)),
  );
  for (const visit of expectedVisits) {
    for (const formCode of visit.forms) {
      if (repeating.has(formCode)) continue;
      const present = participant.records.some((r) => r.visitCode === visit.code && r.formCode === formCode);
      if (!present)
        out.push({ studyId: participant.studyId, visitCode: visit.code, formCode, problem: 'missing' });
    }
  }
  for (const r of participant.records) {
    if (r.status === 'draft') {
      out.push({
        studyId: participant.studyId,
        visitCode: r.visitCode,
        formCode: r.formCode,
        problem: 'draft',
      });
    }
  }
  return out;
}
