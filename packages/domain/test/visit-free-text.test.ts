import { describe, expect, it } from 'vitest';
import { blindViewFor, visitAsSeenBy } from '../src/access/blinding';
import { lbpTrial } from '../src/study/lbp-trial';

describe('visit free text and a blinded viewer (R-BLIND-2)', () => {
  const visit = {
    visitCode: 'W4',
    outOfWindowReason: 'seen late after the injection',
    missedReason: 'missed: injection site pain',
    version: 2,
  };

  it('is absent for the blinded assessor, not blanked', () => {
    const seen = visitAsSeenBy(blindViewFor({ role: 'assessor' }, lbpTrial), visit);
    expect(seen).toEqual({ visitCode: 'W4', version: 2 });
    expect('outOfWindowReason' in seen).toBe(false);
    expect('missedReason' in seen).toBe(false);
  });

  it('is kept for unblinded viewers and once the allocation is released', () => {
    expect(visitAsSeenBy(blindViewFor({ role: 'coordinator' }, lbpTrial), visit)).toBe(visit);
    const released = blindViewFor({ role: 'assessor', allocationReleased: true }, lbpTrial);
    expect(visitAsSeenBy(released, visit)).toBe(visit);
  });
});
