import { describe, expect, it } from 'vitest';
import { definitionFor } from '../src/access/blinded-definition';
import {
  armRevealingTerms,
  blindRules,
  blindViewFor,
  formsOpenToDiscussion,
  redactRecordData,
} from '../src/access/blinding';
import { studyVersionSchema } from '../src/contracts/study-definition';
import { lbpTrial } from '../src/study/lbp-trial';

describe('the study definition a blinded viewer reads (R-BLIND-2)', () => {
  // Built inside each test, so a mutant is active when the copy is built (docs/testing.md "Speed").
  const assessorCopy = () => {
    const view = blindViewFor({ role: 'assessor' }, lbpTrial);
    return { view, copy: definitionFor(view, lbpTrial) };
  };

  it('is the whole definition for an unblinded viewer', () => {
    expect(definitionFor(blindViewFor({ role: 'monitor' }, lbpTrial), lbpTrial)).toBe(lbpTrial);
    const released = blindViewFor({ role: 'assessor', allocationReleased: true }, lbpTrial);
    expect(definitionFor(released, lbpTrial)).toBe(lbpTrial);
  });

  it('names no arm, no hidden form and no revealing value (the trial title aside)', () => {
    const { copy } = assessorCopy();
    const text = JSON.stringify({ ...copy, name: '' });
    expect(armRevealingTerms(lbpTrial).filter((term) => text.includes(term))).toEqual([]);
    expect(copy.arms).toEqual([]);
    const codes = copy.forms.map((f) => f.code);
    for (const hidden of blindRules(lbpTrial).hiddenForms) expect(codes).not.toContain(hidden);
    for (const visit of copy.visits) for (const form of visit.forms) expect(codes).toContain(form);
    expect(copy.roles.unscheduledVisit.forms.every((f) => codes.includes(f))).toBe(true);
  });

  it('keeps the outcome forms whole and end of study to its safe fields', () => {
    const { view, copy } = assessorCopy();
    expect(copy.forms.find((f) => f.code === 'vas')).toEqual(lbpTrial.forms.find((f) => f.code === 'vas'));
    expect(copy.forms.find((f) => f.code === 'end_of_study')?.fields.map((f) => f.name)).toEqual([
      'status',
      'date',
    ]);
    // The web asks the same policy of the copy and still sees end of study only in part.
    expect(copy.blinding.safeFields).toEqual([
      { form: 'end_of_study', field: 'status' },
      { form: 'end_of_study', field: 'date' },
    ]);
    const again = blindRules(copy);
    expect(redactRecordData(again, 'end_of_study', { status: 'withdrawn', reason: 'x' })).toEqual({
      status: 'withdrawn',
    });
    expect(formsOpenToDiscussion(again, copy)).toEqual(formsOpenToDiscussion(view ?? again, lbpTrial));
  });

  it('is a valid answer of GET /study', () => {
    const { copy } = assessorCopy();
    const parsed = studyVersionSchema.safeParse({
      version: 1,
      publishedAt: '2026-01-01T00:00:00Z',
      timeZone: 'Europe/Istanbul',
      definition: copy,
    });
    expect(parsed.success).toBe(true);
  });
});
