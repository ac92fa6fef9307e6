import { describe, expect, it } from 'vitest';
import { amendmentConflicts, type EnteredRecord } from '../src/study/amendment-conflicts';
import { diffDefinitions } from '../src/study/definition-diff';
import type { StudyDefinition } from '../src/study/definition-schema';
import { lbpTrial } from '../src/study/lbp-trial';
import { editedTrial, fieldIn } from './fixtures/edited-trial';

// A tightened rule is checked against the data already entered, as a narrowed range is (R-DEF-5;
// docs/study-definition.md "Amendments"): a completed record leaving empty a field now required,
// a date the new limits or plausible dates refuse. Only the changed rule is judged.

const randomized = { screening: '2026-01-05', consent: '2026-01-10', randomization: '2026-02-01T09:00:00Z' };

function ae(data: Record<string, unknown>, more: Partial<EnteredRecord> = {}): EnteredRecord {
  return {
    studyId: 'S01-001',
    visitCode: 'M1',
    formCode: 'adverse_event',
    data: { onset_date: '2026-03-01', description: 'Pain', serious: 'no', ...data },
    complete: true,
    events: randomized,
    ...more,
  };
}

function conflicts(after: StudyDefinition, records: EnteredRecord[]) {
  const changes = diffDefinitions(lbpTrial, after);
  return amendmentConflicts(after, changes, {
    records,
    scheduledVisits: [],
    today: '2026-06-01',
    timeZone: 'UTC',
  });
}

const where = { studyId: 'S01-001', visit: 'M1', form: 'adverse_event' };

describe('amendmentConflicts of a tightened field rule', () => {
  it('names a completed record that leaves empty a field now required on a condition it meets', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'adverse_event', 'end_date').requiredWhen = { field: 'serious', in: ['yes'] };
    });
    expect(
      conflicts(after, [
        ae({ serious: 'yes' }),
        ae({ serious: 'yes' }, { complete: false }),
        ae({ serious: 'no' }),
        ae({ serious: 'yes', end_date: '2026-03-04' }),
      ]),
    ).toEqual([{ problem: 'required_value_missing', ...where, field: 'end_date', value: '' }]);
  });

  it('names a completed record that leaves empty a field now always required', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'adverse_event', 'end_date').required = true;
    });
    expect(conflicts(after, [ae({}), ae({}, { complete: false }), ae({ end_date: '2026-03-04' })])).toEqual([
      { problem: 'required_value_missing', ...where, field: 'end_date', value: '' },
    ]);
  });

  it('names a date the new limits refuse, against the participant’s own milestones', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'adverse_event', 'onset_date').notBefore = [{ event: 'randomization' }];
    });
    expect(
      conflicts(after, [
        ae({ onset_date: '2026-01-20' }),
        ae({ onset_date: '2026-02-02' }),
        // Not randomized: the bound waits for randomization, as on a save.
        ae({ onset_date: '2026-01-20' }, { events: { consent: '2026-01-10' } }),
      ]),
    ).toEqual([{ problem: 'date_out_of_limits', ...where, field: 'onset_date', value: '"2026-01-20"' }]);
  });

  it('names a date after a new fixed limit, drafts included', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'adverse_event', 'end_date').notAfter = [{ date: '2026-03-31' }];
    });
    expect(
      conflicts(after, [ae({ end_date: '2026-04-02' }, { complete: false }), ae({ end_date: '2026-03-31' })]),
    ).toEqual([{ problem: 'date_out_of_limits', ...where, field: 'end_date', value: '"2026-04-02"' }]);
  });

  it('names every date outside narrowed plausible dates', () => {
    const after = editedTrial((def) => {
      def.plausibleDates = { earliest: '2026-02-15', latest: '2026-12-31' };
    });
    // Only the plausible dates are judged: the end before the onset is not this amendment's.
    const records = [
      ae({ onset_date: '2026-02-10', end_date: '2026-02-20' }),
      ae({ end_date: '2026-02-20' }),
    ];
    expect(conflicts(after, records)).toEqual([
      { problem: 'date_out_of_limits', ...where, field: 'onset_date', value: '"2026-02-10"' },
    ]);
  });

  it('finds nothing when a rule is relaxed', () => {
    const after = editedTrial((def) => {
      delete fieldIn(def, 'adverse_event', 'serious_criteria').requiredWhen;
      fieldIn(def, 'adverse_event', 'onset_date').notBefore = [{ date: '2000-01-01' }];
    });
    expect(conflicts(after, [ae({ serious: 'yes', onset_date: '2026-01-01' })])).toEqual([]);
  });
});
