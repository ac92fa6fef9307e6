import { describe, expect, it } from 'vitest';
import { exportParticipant } from '../src/export/blinding';
import type { ExportAuditEntry, ExportParticipant } from '../src/export/types';
import { lbpTrial } from '../src/study/lbp-trial';
import { p1 } from './fixtures/export-participants';

const blind = { blinded: true };

function entry(
  auditId: number,
  fields: string[],
  changes?: Record<string, [unknown, unknown]>,
): ExportAuditEntry {
  return {
    auditId,
    occurredAt: '2025-06-01T10:00:00Z',
    actorId: 'u-coord-1',
    actorLabel: 'Coordinator',
    actorRole: 'coordinator',
    siteCode: 'S01',
    action: 'UPDATE',
    reason: 'typo',
    fields,
    ...(changes ? { changes } : {}),
  };
}

/** p1's demographics record with the given audit trail, blinded. */
function blindedAudit(audit: ExportAuditEntry[]) {
  const demo = p1.records.find((r) => r.formCode === 'demographics');
  if (!demo) throw new Error('fixture has demographics');
  const p: ExportParticipant = { ...p1, records: [{ ...demo, audit }] };
  return exportParticipant(lbpTrial, p, blind).records[0]?.audit ?? [];
}

describe('blinded audit entries', () => {
  it('list the fields they changed in name order, with or without the changed values', () => {
    expect(blindedAudit([entry(1, ['weight_kg', 'height_cm'])]).map((a) => a.fields)).toEqual([
      ['height_cm', 'weight_kg'],
    ]);
    const withValues = entry(2, ['weight_kg', 'height_cm'], {
      'data.weight_kg': [60, 61],
      'data.height_cm': [165, 166],
      status: ['draft', 'complete'],
    });
    const [shown] = blindedAudit([withValues]);
    expect(shown?.fields).toEqual(['height_cm', 'weight_kg']);
    expect(shown).not.toHaveProperty('changes');
    expect(shown?.reason).toBe('typo');
  });

  it('keep an entry that changed no field (a status change), drop one that changed only unknown fields', () => {
    expect(blindedAudit([entry(3, []), entry(4, ['mystery'])]).map((a) => [a.auditId, a.fields])).toEqual([
      [3, []],
    ]);
  });
});
