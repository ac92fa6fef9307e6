/** Where each form of a participant opens. */
export function formLink(participantId: string, visitCode: string, formCode: string, seq?: number): string {
  const base = `/participants/${participantId}/visits/${visitCode}/forms/${formCode}`;
  return seq && seq > 1 ? `${base}?seq=${seq}` : base;
}

export const tabs = [
  'screening',
  'baseline',
  'randomization',
  'visits',
  'treatment',
  'adverse-events',
  'deviations',
  'end-of-study',
  'scores',
] as const;
export type Tab = (typeof tabs)[number];

export function participantLink(participantId: string, tab?: Tab): string {
  return `/participants/${participantId}${tab ? `?tab=${tab}` : ''}`;
}
