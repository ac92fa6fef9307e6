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

/** The conflicts of the amendment `before` → `after`, on a clock of the caller's choosing. */
function between(
  before: StudyDefinition,
  after: StudyDefinition,
  records: EnteredRecord[],
  clock: { today?: string; timeZone?: string } = { today: '2026-06-01', timeZone: 'UTC' },
) {
  return amendmentConflicts(after, diffDefinitions(before, after), {
    records,
    scheduledVisits: [],
    ...clock,
  });
}

const vas = (assessedAt: string, studyId = 'S01-001'): EnteredRecord => ({
  studyId,
  visitCode: 'M1',
  formCode: 'vas',
  data: { vas_mm: 40, vas_method: 'paper', assessed_at: assessedAt },
  complete: true,
  events: randomized,
});

describe('amendmentConflicts of a tightened field rule: which record, and the boundaries', () => {
  it('names only the completed record among several, each by its own participant', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'adverse_event', 'end_date').required = true;
    });
    const records = [
      ae({}, { studyId: 'S01-001', complete: false }),
      ae({}, { studyId: 'S01-002' }),
      ae({ end_date: null }, { studyId: 'S01-003' }),
      ae({ end_date: '' }, { studyId: 'S01-004' }),
      ae({ end_date: '2026-03-04' }, { studyId: 'S01-005' }),
    ];
    expect(conflicts(after, records).map((c) => [c.studyId, c.problem, c.field, c.value])).toEqual([
      ['S01-002', 'required_value_missing', 'end_date', ''],
      ['S01-003', 'required_value_missing', 'end_date', ''],
      ['S01-004', 'required_value_missing', 'end_date', ''],
    ]);
  });

  it('counts an empty list of choices as empty, and a list with a choice as a value', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'adverse_event', 'serious_criteria').required = true;
    });
    const records = [
      ae({ serious_criteria: [] }, { studyId: 'S01-001' }),
      ae({ serious_criteria: ['death'] }, { studyId: 'S01-002' }),
    ];
    expect(conflicts(after, records)).toEqual([
      { problem: 'required_value_missing', ...where, field: 'serious_criteria', value: '' },
    ]);
  });

  it('leaves a derived value out: it is computed, not entered', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'odi', 'odi_sum').required = true;
    });
    const odi: EnteredRecord = {
      studyId: 'S01-001',
      visitCode: 'M1',
      formCode: 'odi',
      data: {},
      complete: true,
    };
    expect(conflicts(after, [odi])).toEqual([]);
  });

  it('judges a date only when its own limits change: a renamed field keeps the data it holds', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'adverse_event', 'end_date').label = { en: 'Resolved on', tr: 'Düzelme tarihi' };
    });
    // The end before the onset: refused on a save, but not a conflict of this amendment.
    expect(conflicts(after, [ae({ onset_date: '2026-03-01', end_date: '2026-02-20' })])).toEqual([]);
  });

  it('checks a limit against today with the clock it is given, and skips it without one', () => {
    const after = editedTrial((def) => {
      fieldIn(def, 'adverse_event', 'end_date').notAfter = [{ event: 'today' }, { date: '2026-12-31' }];
    });
    const late = ae({ end_date: '2026-06-02' });
    expect(between(lbpTrial, after, [late, ae({ end_date: '2026-06-01' }, { studyId: 'S01-002' })])).toEqual([
      { problem: 'date_out_of_limits', ...where, field: 'end_date', value: '"2026-06-02"' },
    ]);
    expect(between(lbpTrial, after, [late], { timeZone: 'UTC' })).toEqual([]);
  });

  it('reads a date-time’s day in the trial’s time zone, UTC when none is given', () => {
    const before = editedTrial((def) => {
      fieldIn(def, 'vas', 'assessed_at').notAfter = [];
    });
    // 22:30 UTC on 1 June is already 2 June in Istanbul (UTC+3).
    const evening = vas('2026-06-01T22:30:00Z');
    const expected = [
      {
        problem: 'date_out_of_limits',
        studyId: 'S01-001',
        visit: 'M1',
        form: 'vas',
        field: 'assessed_at',
        value: '"2026-06-01T22:30:00Z"',
      },
    ];
    expect(
      between(before, lbpTrial, [evening], { today: '2026-06-01', timeZone: 'Europe/Istanbul' }),
    ).toEqual(expected);
    expect(between(before, lbpTrial, [evening], { today: '2026-06-01', timeZone: 'UTC' })).toEqual([]);
    expect(between(before, lbpTrial, [evening], { today: '2026-06-01' })).toEqual([]);
  });

  it('checks date-times, too, against narrowed plausible dates', () => {
    const after = editedTrial((def) => {
      def.plausibleDates = { earliest: '2026-02-15', latest: '2026-12-31' };
    });
    expect(conflicts(after, [vas('2026-02-14T23:59:00Z'), vas('2026-02-15T00:00:00Z', 'S01-002')])).toEqual([
      {
        problem: 'date_out_of_limits',
        studyId: 'S01-001',
        visit: 'M1',
        form: 'vas',
        field: 'assessed_at',
        value: '"2026-02-14T23:59:00Z"',
      },
    ]);
  });

  it('finds nothing when the plausible dates are removed', () => {
    const after = editedTrial((def) => {
      delete def.plausibleDates;
    });
    expect(conflicts(after, [ae({ onset_date: '2026-02-10' })])).toEqual([]);
  });

  it('judges the plausible dates only when they change, and with the amendment’s other changes', () => {
    const narrowed = editedTrial((def) => {
      def.plausibleDates = { earliest: '2026-02-15', latest: '2026-12-31' };
    });
    const early = ae({ onset_date: '2026-02-10' });
    // Another setting changes, the plausible dates stay: the early onset is not this amendment's.
    const otherSetting = editedTrial((def) => {
      def.plausibleDates = { earliest: '2026-02-15', latest: '2026-12-31' };
      def.visitDates = { notBefore: [], notAfter: [] };
    });
    expect(diffDefinitions(narrowed, otherSetting).map((c) => c.change)).toEqual(['setting_changed']);
    expect(between(narrowed, otherSetting, [early])).toEqual([]);
    // A field change alone leaves the plausible dates unjudged too.
    const required = editedTrial((def) => {
      def.plausibleDates = { earliest: '2026-02-15', latest: '2026-12-31' };
      fieldIn(def, 'adverse_event', 'end_date').required = true;
    });
    expect(between(narrowed, required, [early])).toEqual([
      { problem: 'required_value_missing', ...where, field: 'end_date', value: '' },
    ]);
    // Narrowed together with a field change: both are judged.
    expect(between(lbpTrial, required, [early])).toEqual([
      { problem: 'date_out_of_limits', ...where, field: 'onset_date', value: '"2026-02-10"' },
      { problem: 'required_value_missing', ...where, field: 'end_date', value: '' },
    ]);
  });
});
