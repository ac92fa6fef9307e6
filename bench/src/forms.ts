/**
 * The request sequence of the save-assessment run: request k addresses participant k mod N, first
 * pass baseline VAS (inserts), second pass baseline ODI (inserts), then corrections of either form
 * with a reason (versioned updates of completed records). No two requests in flight share a row
 * unless k wraps around N, and the participant lock makes that safe anyway.
 */
export function vasData(k: number) {
  return {
    vas_mm: k % 101,
    vas_method: 'electronic',
    assessed_at: new Date(Date.now() - 60_000).toISOString(),
    assessor_id: 'bench-assessor',
  };
}

export function odiData(k: number) {
  const q = (i: number) => (k + i) % 6;
  return {
    odi_version: '2.1a-en',
    q1: q(1),
    q2: q(2),
    q3: q(3),
    q4: q(4),
    q5: q(5),
    q6: q(6),
    q7: q(7),
    q8: q(8),
    q9: q(9),
    q10: q(10),
  };
}

export interface SaveStep {
  participantId: string;
  form: 'vas' | 'odi';
  body: { data: Record<string, unknown>; status: 'complete'; reason?: string };
}

export function saveStep(participantIds: readonly string[], k: number): SaveStep {
  const n = participantIds.length;
  const participantId = participantIds[k % n] as string;
  const pass = Math.floor(k / n);
  const form = pass % 2 === 0 ? 'vas' : 'odi';
  const data = form === 'vas' ? vasData(k) : odiData(k);
  // From the third pass on, the record exists and is complete: a correction needs a reason.
  const body =
    pass >= 2
      ? { data, status: 'complete' as const, reason: `bench correction ${pass}` }
      : { data, status: 'complete' as const };
  return { participantId, form, body };
}

/** How many of the steps are inserts and how many corrections: the mix a run's figure stands for. */
export function stepMix(participantIds: readonly string[], steps: readonly number[]) {
  const corrections = steps.filter((k) => saveStep(participantIds, k).body.reason !== undefined).length;
  return { inserts: steps.length - corrections, corrections };
}
