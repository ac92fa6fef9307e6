import {
  type ConsortCounts,
  type ConsortCountsBlinded,
  type ConsortFollowUp,
  instrumentForm,
  type StudyDefinition,
  type VisitRecord,
  visitFollowedUp,
} from '@mini-edc/domain';

/**
 * CONSORT 2010 counts from the participants in the caller's scope. Pure over
 * the rows the dashboard read; `arm` is null for blinded callers, whose rows never carry it.
 */

interface ConsortParticipant {
  id: string;
  eligible: boolean | null;
  failedCriteria: string[] | null;
  randomized: boolean;
  status: string;
  arm: string | null;
}

interface ConsortRecord {
  participantId: string;
  visitCode: string;
  formCode: string;
  status: string;
  /** data.status of an end_of_study record. */
  endStatus: string | null;
}

export interface ConsortInput {
  participants: ConsortParticipant[];
  /** Visits of randomized participants, with status computed for today. */
  visits: Map<string, VisitRecord[]>;
  records: ConsortRecord[];
}

const completeStatuses = new Set(['complete', 'signed', 'locked']);

function followUpOf(
  study: StudyDefinition,
  input: ConsortInput,
  randomized: ConsortParticipant[],
): ConsortFollowUp[] {
  const withdrawn = new Set(
    input.records
      .filter(
        (r) =>
          r.formCode === study.roles.endOfParticipation.form &&
          r.status !== 'draft' &&
          r.endStatus === 'withdrawn',
      )
      .map((r) => r.participantId),
  );
  for (const p of randomized) if (p.status === 'withdrawn') withdrawn.add(p.id);
  return study.visits
    .filter((v) => v.kind === 'follow_up')
    .map((visit) => {
      const counts = { followedUp: 0, withdrawn: 0, missing: 0, notYetDue: 0 };
      for (const p of randomized) {
        const scheduled = input.visits.get(p.id)?.find((v) => v.visitCode === visit.code);
        // One definition of "followed up" for this diagram and the dashboard's visit table (R-MON-2).
        const followedUp = visitFollowedUp(study, {
          markedDone: scheduled?.status === 'done',
          records: input.records.filter((r) => r.participantId === p.id && r.visitCode === visit.code),
        });
        if (followedUp) counts.followedUp++;
        else if (withdrawn.has(p.id)) counts.withdrawn++;
        else if (scheduled && (scheduled.status === 'upcoming' || scheduled.status === 'due'))
          counts.notYetDue++;
        else counts.missing++;
      }
      return { visitCode: visit.code, label: { en: visit.label.en, tr: visit.label.tr }, ...counts };
    });
}

/**
 * Randomized with a complete baseline VAS and at least one complete follow-up VAS (analysed), and
 * of the others those the analysis excludes: withdrawn, or no follow-up visit left whose window is
 * open or ahead. A participant whose follow-up is still to come is neither.
 */
function analysisOf(study: StudyDefinition, input: ConsortInput, randomized: ConsortParticipant[]) {
  const kindOf = new Map(study.visits.map((v) => [v.code, v.kind]));
  // The primary outcome (protocol §2) decides who is analysed.
  const vasForm = instrumentForm(study, 'visual_analogue_scale')?.code;
  const vasAt = (participantId: string, kind: string) =>
    input.records.some(
      (r) =>
        r.participantId === participantId &&
        r.formCode === vasForm &&
        completeStatuses.has(r.status) &&
        kindOf.get(r.visitCode) === kind,
    );
  const followUpAhead = (p: ConsortParticipant) =>
    p.status !== 'withdrawn' &&
    (input.visits.get(p.id) ?? []).some(
      (v) => kindOf.get(v.visitCode) === 'follow_up' && (v.status === 'upcoming' || v.status === 'due'),
    );
  const analysed = randomized.filter((p) => vasAt(p.id, 'baseline') && vasAt(p.id, 'follow_up'));
  const excluded = randomized.filter((p) => !analysed.includes(p) && !followUpAhead(p));
  return { analysed: analysed.length, excludedFromAnalysis: excluded.length };
}

export function consortBlinded(study: StudyDefinition, input: ConsortInput): ConsortCountsBlinded {
  const all = input.participants;
  const randomized = all.filter((p) => p.randomized);
  const notRandomized = all.filter((p) => !p.randomized);
  const open = notRandomized.filter((p) => p.status !== 'screening_closed');
  const byCriterion = new Map<string, number>();
  for (const p of notRandomized) {
    if (p.eligible !== false) continue;
    for (const c of p.failedCriteria ?? []) byCriterion.set(c, (byCriterion.get(c) ?? 0) + 1);
  }
  const order = study.eligibility.criteria.map((c) => c.id);
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return {
    assessed: all.length,
    excluded: {
      total: notRandomized.length,
      notEligible: notRandomized.filter((p) => p.eligible === false).length,
      byCriterion: [...byCriterion]
        .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
        .map(([criterion, count]) => ({ criterion, count })),
      // A closed screening is reported as such, not as eligible or pending.
      eligibleNotRandomized: open.filter((p) => p.eligible === true).length,
      eligibilityPending: open.filter((p) => p.eligible === null).length,
      screeningClosed: notRandomized.length - open.length,
    },
    randomized: randomized.length,
    followUp: followUpOf(study, input, randomized),
    ...analysisOf(study, input, randomized),
  };
}

export function consortUnblinded(study: StudyDefinition, input: ConsortInput): ConsortCounts {
  const randomized = input.participants.filter((p) => p.randomized);
  return {
    ...consortBlinded(study, input),
    arms: study.arms.map((arm) => {
      const ofArm = randomized.filter((p) => p.arm === arm.code);
      return {
        code: arm.code,
        label: { en: arm.label.en, tr: arm.label.tr },
        allocated: ofArm.length,
        followUp: followUpOf(study, input, ofArm),
        ...analysisOf(study, input, ofArm),
      };
    }),
  };
}
