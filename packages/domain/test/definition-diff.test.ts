import { describe, expect, it } from 'vitest';
import { amendmentConflicts } from '../src/study/amendment-conflicts';
import { diffDefinitions } from '../src/study/definition-diff';
import type { StudyDefinition } from '../src/study/definition-schema';
import { lbpTrial } from '../src/study/lbp-trial';
import { missingVisits } from '../src/visits';

// The difference between definition versions and what it would break (R-DEF-5;
// docs/study-definition.md "Amendments").
const clone = (): StudyDefinition => structuredClone(lbpTrial);
const formOf = (def: StudyDefinition, code: string) => {
  const form = def.forms.find((f) => f.code === code);
  if (!form) throw new Error(`no form ${code}`);
  return form;
};

describe('diffDefinitions', () => {
  it('finds nothing between a definition and itself', () => {
    expect(diffDefinitions(lbpTrial, clone())).toEqual([]);
  });

  it('names added and removed visits, forms, fields, choices, criteria and consent versions', () => {
    const next = clone();
    const m3 = next.visits.find((v) => v.code === 'M3');
    if (!m3) throw new Error('no M3');
    next.visits.push({ ...m3, code: 'M6', dayOffset: 168 });
    next.visits = next.visits.filter((v) => v.code !== 'W1');
    m3.label = { en: 'Month three', tr: '3. ay' };
    m3.forms = m3.forms.filter((f) => f !== 'end_of_study');
    const demographics = formOf(next, 'demographics');
    demographics.fields = demographics.fields.filter((f) => f.name !== 'occupation');
    const sex = demographics.fields.find((f) => f.name === 'sex');
    sex?.allowedValues?.push({ code: 'other', label: { en: 'Other', tr: 'Diğer' } });
    const height = demographics.fields.find((f) => f.name === 'height_cm');
    if (height) height.max = 220;
    const criterion = next.eligibility.criteria[0];
    if (criterion) criterion.textEn = `${criterion.textEn} (amended)`;
    next.consentVersions.push({ version: '2.0', effectiveFrom: '2027-01-01' });
    next.enrollment = { ...next.enrollment, target: 80 };

    expect(diffDefinitions(lbpTrial, next)).toEqual([
      { change: 'visit_added', params: { visit: 'M6' } },
      { change: 'visit_removed', params: { visit: 'W1' } },
      { change: 'visit_label_changed', params: { visit: 'M3' } },
      { change: 'visit_form_removed', params: { visit: 'M3', form: 'end_of_study' } },
      { change: 'field_removed', params: { form: 'demographics', field: 'occupation' } },
      { change: 'choice_added', params: { form: 'demographics', field: 'sex', choice: 'other' } },
      { change: 'field_range_changed', params: { form: 'demographics', field: 'height_cm' } },
      { change: 'criterion_text_changed', params: { criterion: criterion?.id ?? '' } },
      { change: 'consent_version_added', params: { version: '2.0' } },
      { change: 'setting_changed', params: { setting: 'enrollment' } },
    ]);
  });
});

describe('amendmentConflicts', () => {
  const record = (formCode: string, data: Record<string, unknown>, visitCode = 'SCR') => ({
    studyId: 'S01-001',
    visitCode,
    formCode,
    data,
  });

  it('refuses what entered data would violate, and only what the amendment changes', () => {
    const next = clone();
    const demographics = formOf(next, 'demographics');
    demographics.fields = demographics.fields
      .filter((f) => f.name !== 'occupation')
      .map((f) => (f.name === 'height_cm' ? { ...f, min: 170 } : f))
      .map((f) => (f.name === 'sex' ? { ...f, allowedValues: f.allowedValues?.slice(0, 1) } : f));
    const changes = diffDefinitions(lbpTrial, next);
    const entered = {
      records: [
        // 172 cm stays valid; 165 cm does not; an empty occupation holds no data.
        record('demographics', { height_cm: 172, sex: 'male', occupation: '' }),
        record('demographics', { height_cm: 165, sex: 'female', occupation: 'teacher' }),
      ],
      scheduledVisits: [],
    };
    expect(amendmentConflicts(next, changes, entered)).toEqual([
      { problem: 'field_removed_with_data', ...where('occupation', '"teacher"') },
      { problem: 'choice_removed_in_use', ...where('sex', 'female') },
      { problem: 'value_out_of_range', ...where('height_cm', '165') },
    ]);
  });

  it('names records and scheduled visits a removed visit or form would orphan', () => {
    const next = clone();
    next.visits = next.visits.filter((v) => v.code !== 'M1');
    const changes = diffDefinitions(lbpTrial, next);
    const entered = {
      records: [record('vas', { vas_mm: 40 }, 'M1'), record('vas', { vas_mm: 40 }, 'W1')],
      scheduledVisits: [
        { studyId: 'S01-001', visitCode: 'M1' },
        { studyId: 'S01-001', visitCode: 'W1' },
      ],
    };
    expect(amendmentConflicts(next, changes, entered)).toEqual([
      { problem: 'scheduled_visit_removed', studyId: 'S01-001', visit: 'M1' },
      { problem: 'record_orphaned', studyId: 'S01-001', visit: 'M1', form: 'vas' },
    ]);
  });
});

function where(field: string, value: string) {
  return { studyId: 'S01-001', visit: 'SCR', form: 'demographics', field, value };
}

describe('missingVisits', () => {
  it('schedules only follow-up visits not yet on the schedule, from the anchor', () => {
    const scheduled = new Set(['W1', 'M1']);
    expect(missingVisits(lbpTrial.visits, { randomization: '2026-01-10' }, scheduled)).toEqual([
      { code: 'M3', targetDate: '2026-04-04', windowStart: '2026-03-21', windowEnd: '2026-04-18' },
    ]);
  });
});
