import { type ArrangedParticipant, apiSession, arrangeParticipant } from './api';

export interface CorrectedVas extends ArrangedParticipant {
  recordId: string;
  oldVas: number;
  newVas: number;
  reason: string;
}

interface Detail {
  records: {
    id: string;
    visitCode: string;
    formCode: string;
    version: number;
    data: Record<string, unknown>;
  }[];
}

/**
 * Journey (e) arrangement, by API: the coordinator screens a participant and completes the
 * baseline; the investigator then corrects the completed VAS value, giving a reason.
 */
export async function arrangeCorrectedVas(baseURL: string, newVas = 48): Promise<CorrectedVas> {
  const participant = await arrangeParticipant(baseURL, { baseline: true });
  const investigator = await apiSession(baseURL, 'investigator@demo.edc');
  try {
    const detail = await investigator.get<Detail>(`/participants/${participant.id}`);
    const vas = detail.records.find((r) => r.visitCode === 'BL' && r.formCode === 'vas');
    if (!vas) throw new Error('the arranged participant has no baseline VAS');
    const reason = `Transcription error: source VAS for ${participant.studyId} is ${newVas} mm`;
    await investigator.send('PUT', `/participants/${participant.id}/visits/BL/forms/vas`, {
      data: { ...vas.data, vas_mm: newVas },
      status: 'complete',
      expectedVersion: vas.version,
      reason,
    });
    return { ...participant, recordId: vas.id, oldVas: Number(vas.data.vas_mm), newVas, reason };
  } finally {
    await investigator.dispose();
  }
}
