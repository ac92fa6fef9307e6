import { describe, expect, it } from 'vitest';
import { amendmentConflicts, type EnteredRecord } from '../src/study/amendment-conflicts';
import type { DefinitionChange } from '../src/study/definition-diff';
import { editedTrial, fieldIn } from './fixtures/edited-trial';

const record = (formCode: string, data: Record<string, unknown>, visitCode = 'W1'): EnteredRecord => ({
  studyId: 'S01-0001',
  visitCode,
  formCode,
  data,
});
const at = (form: string, field: string, value: string, visit = 'W1') => ({
  studyId: 'S01-0001',
  visit,
  form,
  field,
  value,
});
const noVisits = { scheduledVisits: [] };
const onField = (
  change: DefinitionChange['change'],
  form: string,
  field: string,
  choice?: string,
): DefinitionChange => ({
  change,
  params: choice === undefined ? { form, field } : { form, field, choice },
});

describe('amendmentConflicts: what an amendment would break among entered data (R-DEF-5)', () => {
  it('names a value in a field whose type changed, and no empty value', () => {
    const after = editedTrial((d) => {
      fieldIn(d, 'vas', 'vas_mm').type = 'decimal';
    });
    const changes = [onField('field_type_changed', 'vas', 'vas_mm')];
    const records = [null, undefined, '', [], 0, 'x', [1], 150].map((vas_mm) => record('vas', { vas_mm }));
    // 150 is outside the field's range, but the range did not change: only the type is named.
    expect(amendmentConflicts(after, changes, { records, ...noVisits })).toEqual([
      { problem: 'field_type_changed_with_data', ...at('vas', 'vas_mm', '0') },
      { problem: 'field_type_changed_with_data', ...at('vas', 'vas_mm', '"x"') },
      { problem: 'field_type_changed_with_data', ...at('vas', 'vas_mm', '[1]') },
      { problem: 'field_type_changed_with_data', ...at('vas', 'vas_mm', '150') },
    ]);
  });

  it('names values outside a narrowed range on either side, and not the bounds themselves', () => {
    const after = editedTrial((d) => {
      Object.assign(fieldIn(d, 'vas', 'vas_mm'), { min: 10, max: 90 });
    });
    const changes = [onField('field_range_changed', 'vas', 'vas_mm')];
    const records = [9, 10, 90, 91, '5'].map((vas_mm) => record('vas', { vas_mm }));
    expect(amendmentConflicts(after, changes, { records, ...noVisits })).toEqual([
      { problem: 'value_out_of_range', ...at('vas', 'vas_mm', '9') },
      { problem: 'value_out_of_range', ...at('vas', 'vas_mm', '91') },
    ]);
  });

  it('reads a range with one side open as open on that side', () => {
    const after = editedTrial((d) => {
      const mm = fieldIn(d, 'vas', 'vas_mm');
      delete mm.min;
      mm.max = 50;
      const length = fieldIn(d, 'vas', 'vas_line_length_mm');
      delete length.max;
    });
    const changes = [
      onField('field_range_changed', 'vas', 'vas_mm'),
      onField('field_range_changed', 'vas', 'vas_line_length_mm'),
    ];
    const records = [record('vas', { vas_mm: -5, vas_line_length_mm: 500 }), record('vas', { vas_mm: 51 })];
    expect(amendmentConflicts(after, changes, { records, ...noVisits })).toEqual([
      { problem: 'value_out_of_range', ...at('vas', 'vas_mm', '51') },
    ]);
  });

  it('names a removed choice in use, in a single or a multiple choice, as the choice itself', () => {
    const after = editedTrial();
    const changes = [
      onField('choice_removed', 'adverse_event', 'serious_criteria', 'hospitalisation'),
      onField('choice_removed', 'adverse_event', 'severity', 'severe'),
    ];
    const records = [
      record('adverse_event', { serious_criteria: ['death', 'hospitalisation'], severity: 'mild' }),
      record('adverse_event', { serious_criteria: ['death'], severity: 'severe' }),
    ];
    expect(amendmentConflicts(after, changes, { records, ...noVisits })).toEqual([
      { problem: 'choice_removed_in_use', ...at('adverse_event', 'serious_criteria', 'hospitalisation') },
      { problem: 'choice_removed_in_use', ...at('adverse_event', 'severity', 'severe') },
    ]);
  });

  it('looks only at the changed form’s records, and only at changes that can break a value', () => {
    const after = editedTrial();
    const changes: DefinitionChange[] = [
      onField('field_removed', 'odi', 'vas_mm'),
      { change: 'form_label_changed', params: { form: 'vas' } },
      { change: 'field_added', params: { form: 'vas', field: 'vas_mm' } },
      onField('choice_label_changed', 'vas', 'vas_method', 'paper'),
      onField('choice_added', 'vas', 'vas_method', 'paper'),
    ];
    const records = [record('vas', { vas_mm: 40, vas_method: 'paper' })];
    expect(amendmentConflicts(after, changes, { records, ...noVisits })).toEqual([]);
  });

  it('keeps records of the visits outside the schedule that still take their form', () => {
    const after = editedTrial();
    const records = [
      record('intervention_us_d5w', { date: '2026-01-01' }, 'TX'),
      record('deviation', { major: 'no' }, 'UNS'),
      record('deviation', { major: 'no' }, 'TX'),
      record('vas', { vas_mm: 3 }, 'XX'),
    ];
    expect(amendmentConflicts(after, [], { records, ...noVisits })).toEqual([
      { problem: 'record_orphaned', studyId: 'S01-0001', visit: 'TX', form: 'deviation' },
      { problem: 'record_orphaned', studyId: 'S01-0001', visit: 'XX', form: 'vas' },
    ]);
  });

  it('names each scheduled visit of a removed visit code, and no other', () => {
    const after = editedTrial();
    const changes: DefinitionChange[] = [
      { change: 'visit_removed', params: { visit: 'M6' } },
      { change: 'visit_label_changed', params: { visit: 'M1' } },
    ];
    const scheduledVisits = [
      { studyId: 'S01-0001', visitCode: 'M6' },
      { studyId: 'S01-0002', visitCode: 'M1' },
      { studyId: 'S01-0003', visitCode: 'M6' },
    ];
    expect(amendmentConflicts(after, changes, { records: [], scheduledVisits })).toEqual([
      { problem: 'scheduled_visit_removed', studyId: 'S01-0001', visit: 'M6' },
      { problem: 'scheduled_visit_removed', studyId: 'S01-0003', visit: 'M6' },
    ]);
  });
});
