import { describe, expect, it } from 'vitest';
import type { RecordMode } from '../src/forms/form-issues';
import { type FormRuleContext, formRuleIssues, visitDateIssues } from '../src/forms/form-rules';
import { validateFormData } from '../src/forms/validate-form-data';
import type { FormDefinition } from '../src/study/definition-schema';
import { field, text } from '../src/study/field-builders';
import type { VisitDates } from '../src/study/field-rules';
import { lbpTrial } from '../src/study/lbp-trial';
import { loadStudyDefinition } from '../src/study/load-definition';

/**
 * A copy of a form of the trial: formDataSchema caches a schema per form object, and one built by
 * an earlier test would leave the later ones unable to notice a mutant (docs/testing.md "Speed").
 */
const formOf = (code: string): FormDefinition => {
  const form = lbpTrial.forms.find((f) => f.code === code);
  if (!form) throw new Error(`no form ${code}`);
  return structuredClone(form);
};

const context = (over: Partial<FormRuleContext> = {}): FormRuleContext => ({
  today: '2026-03-10',
  timeZone: 'Europe/Istanbul',
  visitRole: 'unscheduled',
  events: { screening: '2026-01-05', consent: '2026-01-10', randomization: '2026-01-20T09:00:00.000Z' },
  plausibleDates: lbpTrial.plausibleDates,
  ...over,
});

function issuesOf(
  code: string,
  data: Record<string, unknown>,
  mode: RecordMode = 'complete',
  ctx = context(),
) {
  const result = validateFormData(formOf(code), mode, data, ctx);
  return result.success
    ? []
    : result.issues.map((i) => ({ field: i.path.join('.'), code: i.code, params: i.params }));
}

const ae = {
  onset_date: '2026-02-01',
  end_date: '2026-02-03',
  expected_event: 'haematoma',
  description: 'Bruise at the injection site',
  serious: 'no',
  serious_criteria: [],
  severity: 'mild',
  relatedness: 'probable',
  action_taken: null,
  outcome: 'recovered',
};

const session = {
  session_no: 1,
  date: '2026-01-21',
  therapist_id: 'PT Aylin',
  duration_min: 40,
  techniques: ['direct_mfr'],
  techniques_other: null,
  completed: 'yes',
  reason_not_completed: null,
};

describe('the rules of the study definition, evaluated by validateFormData', () => {
  it('accepts a consistent adverse event', () => {
    expect(issuesOf('adverse_event', ae)).toEqual([]);
  });

  it('refuses an adverse event that ends before its onset, naming the onset', () => {
    expect(issuesOf('adverse_event', { ...ae, end_date: '2026-01-31' })).toEqual([
      {
        field: 'end_date',
        code: 'DATE_TOO_EARLY',
        params: { kind: 'field', ref: 'onset_date', date: '2026-02-01' },
      },
    ]);
  });

  it('refuses an onset before consent and after today, and accepts onset on the consent day', () => {
    expect(issuesOf('adverse_event', { ...ae, onset_date: '2026-01-09', end_date: null })).toEqual([
      {
        field: 'onset_date',
        code: 'DATE_TOO_EARLY',
        params: { kind: 'event', ref: 'consent', date: '2026-01-10' },
      },
    ]);
    expect(issuesOf('adverse_event', { ...ae, onset_date: '2026-03-11', end_date: null })[0]).toMatchObject({
      code: 'DATE_TOO_LATE',
      params: { ref: 'today' },
    });
    expect(issuesOf('adverse_event', { ...ae, onset_date: '2026-01-10' })).toEqual([]);
  });

  it('skips a rule against a milestone the participant has not reached', () => {
    const ctx = context({ events: { screening: '2026-01-05', consent: null, randomization: null } });
    expect(
      issuesOf('adverse_event', { ...ae, onset_date: '2026-01-01', end_date: null }, 'complete', ctx),
    ).toEqual([]);
  });

  it('requires seriousness criteria for a serious event, only when completing', () => {
    expect(issuesOf('adverse_event', { ...ae, serious: 'yes' })).toEqual([
      { field: 'serious_criteria', code: 'FIELD_REQUIRED_WHEN', params: { field: 'serious', value: 'yes' } },
    ]);
    expect(
      issuesOf('adverse_event', { ...ae, serious: 'yes', serious_criteria: ['hospitalisation'] }),
    ).toEqual([]);
    expect(issuesOf('adverse_event', { ...ae, serious: 'yes' }, 'draft')).toEqual([]);
  });

  it('refuses dates outside the plausible range of the trial in every date field, drafts included', () => {
    expect(issuesOf('adverse_event', { onset_date: '0001-01-01' }, 'draft')[0]).toMatchObject({
      code: 'DATE_TOO_EARLY',
      params: { kind: 'date', ref: '1900-01-01' },
    });
    expect(issuesOf('deviation', { date: '9999-12-31' }, 'draft')[0]).toMatchObject({
      code: 'DATE_TOO_LATE',
      params: { kind: 'date', ref: '2100-12-31' },
    });
  });

  it('requires a reason for a session not completed and what the other technique was', () => {
    expect(issuesOf('intervention_tlf_mob', session)).toEqual([]);
    expect(issuesOf('intervention_tlf_mob', { ...session, completed: 'no' })).toEqual([
      {
        field: 'reason_not_completed',
        code: 'FIELD_REQUIRED_WHEN',
        params: { field: 'completed', value: 'no' },
      },
    ]);
    expect(issuesOf('intervention_tlf_mob', { ...session, techniques: ['direct_mfr', 'other'] })).toEqual([
      {
        field: 'techniques_other',
        code: 'FIELD_REQUIRED_WHEN',
        params: { field: 'techniques', value: 'other' },
      },
    ]);
  });

  it('requires at least one technique: an empty multiple choice is not an answer', () => {
    expect(issuesOf('intervention_tlf_mob', { ...session, techniques: [] })).toEqual([
      { field: 'techniques', code: 'FIELD_REQUIRED', params: {} },
    ]);
  });

  it('refuses a treatment session dated before the day of randomization', () => {
    expect(issuesOf('intervention_tlf_mob', { ...session, date: '2026-01-19' })[0]).toMatchObject({
      field: 'date',
      code: 'DATE_TOO_EARLY',
      params: { ref: 'randomization', date: '2026-01-20' },
    });
  });

  it('honours allowed values on a yes/no field: ultrasound guidance must be confirmed', () => {
    const injection = {
      date: '2026-01-21',
      injector_id: 'Dr. Kaya',
      us_guidance_confirmed: 'no',
      level: 'L4_L5',
      side: 'left',
      volume_ml_per_side: 10,
      solution: 'dextrose_5',
      needle_gauge: 22,
      immediate_complication: 'no',
      immediate_complication_text: null,
    };
    expect(issuesOf('intervention_us_d5w', injection)).toEqual([
      { field: 'us_guidance_confirmed', code: 'FIELD_NOT_ALLOWED', params: { allowed: 'yes' } },
    ]);
    expect(issuesOf('intervention_us_d5w', { ...injection, us_guidance_confirmed: 'yes' })).toEqual([]);
  });

  const vas = {
    vas_mm: 60,
    vas_method: 'paper',
    assessed_at: '2026-01-20T08:00:00.000Z',
    assessor_id: 'Dr. Demir',
    vas_line_length_mm: null,
    vas_mark_mm: null,
    vas_prompt_version: null,
  };

  it('refuses a baseline assessment after randomization and a follow-up one before it', () => {
    const at = (visitRole: FormRuleContext['visitRole']) => context({ visitRole });
    expect(issuesOf('vas', vas, 'complete', at('baseline'))).toEqual([]);
    expect(
      issuesOf('vas', { ...vas, assessed_at: '2026-01-20T10:00:00.000Z' }, 'complete', at('baseline')),
    ).toEqual([
      {
        field: 'assessed_at',
        code: 'DATE_TOO_LATE',
        params: { kind: 'event', ref: 'randomization', date: '2026-01-20' },
      },
    ]);
    expect(issuesOf('vas', vas, 'complete', at('follow_up'))[0]).toMatchObject({ code: 'DATE_TOO_EARLY' });
  });

  it('compares a date-time with randomization to the minute it is entered with', () => {
    const followUp = context({
      visitRole: 'follow_up',
      events: { screening: '2026-01-05', consent: '2026-01-10', randomization: '2026-01-20T09:00:31.517Z' },
    });
    // Entered as 12:00 Istanbul time, the minute randomization happened in: not before it.
    expect(
      issuesOf('vas', { ...vas, assessed_at: '2026-01-20T09:00:00.000Z' }, 'complete', followUp),
    ).toEqual([]);
    expect(
      issuesOf('vas', { ...vas, assessed_at: '2026-01-20T08:59:00.000Z' }, 'complete', followUp)[0],
    ).toMatchObject({ code: 'DATE_TOO_EARLY' });
  });

  it('refuses NUL and lone surrogates in text', () => {
    expect(issuesOf('adverse_event', { description: 'a\u0000b' }, 'draft')).toEqual([
      { field: 'description', code: 'TEXT_INVALID_CHARACTERS', params: {} },
    ]);
    expect(issuesOf('adverse_event', { description: 'x\uD800y' }, 'draft')[0]?.code).toBe(
      'TEXT_INVALID_CHARACTERS',
    );
    expect(issuesOf('adverse_event', { description: 'ağrı 😀' }, 'draft')).toEqual([]);
  });

  it('refuses a definition whose rules point nowhere', () => {
    const broken = structuredClone(lbpTrial);
    const form = broken.forms.find((f) => f.code === 'adverse_event');
    const field = form?.fields.find((f) => f.name === 'serious_criteria');
    if (!field) throw new Error('fixture');
    field.requiredWhen = { field: 'seriousness', in: ['yes'] };
    expect(() => loadStudyDefinition(broken)).toThrow(/requiredWhen\.field/);
  });
});

describe('formRuleIssues: each rule on its own', () => {
  const messages = (code: string, data: Record<string, unknown>) => {
    const result = validateFormData(formOf(code), 'complete', data, context());
    return result.success ? [] : result.issues.map((i) => i.message);
  };

  it('words each refusal with the field, the bound and its date', () => {
    expect(messages('adverse_event', { ...ae, onset_date: '2026-01-09', end_date: null })).toEqual([
      'Onset date cannot be before consent (2026-01-10)',
    ]);
    expect(messages('adverse_event', { ...ae, onset_date: '2026-03-11', end_date: null })).toEqual([
      'Onset date cannot be after today (2026-03-10)',
    ]);
    expect(messages('adverse_event', { ...ae, serious: 'yes' })).toEqual([
      'Seriousness criteria is required when serious is yes',
    ]);
  });

  it('takes both ends of a bound as inside: today and the consent day', () => {
    expect(issuesOf('adverse_event', { ...ae, onset_date: '2026-03-10', end_date: null })).toEqual([]);
    expect(issuesOf('adverse_event', { ...ae, onset_date: '2026-01-10', end_date: '2026-01-10' })).toEqual(
      [],
    );
  });

  it('requires a field left out or left as empty text, when its condition holds', () => {
    const { reason_not_completed: _, ...withoutReason } = session;
    const required = [
      {
        field: 'reason_not_completed',
        code: 'FIELD_REQUIRED_WHEN',
        params: { field: 'completed', value: 'no' },
      },
    ];
    expect(issuesOf('intervention_tlf_mob', { ...withoutReason, completed: 'no' })).toEqual(required);
    expect(
      issuesOf('intervention_tlf_mob', { ...session, completed: 'no', reason_not_completed: '' }),
    ).toEqual(required);
    expect(
      issuesOf('intervention_tlf_mob', { ...session, completed: 'no', reason_not_completed: 'ill' }),
    ).toEqual([]);
  });

  it('requires nothing more while the field a condition reads is blank', () => {
    const form = formOf('adverse_event');
    for (const serious of [null, '', undefined]) {
      expect(formRuleIssues(form, { serious, serious_criteria: [] }, 'complete', context())).toEqual([]);
    }
  });

  it('checks dates only in date fields, and only values that are dates', () => {
    const form = formOf('adverse_event');
    const ctx = context();
    expect(formRuleIssues(form, { description: '0001-01-01' }, 'draft', ctx)).toEqual([]);
    expect(formRuleIssues(form, { onset_date: ['2099-01-01'] }, 'draft', ctx)).toEqual([]);
    expect(formRuleIssues(form, { onset_date: 20990101 }, 'draft', ctx)).toEqual([]);
  });

  it('leaves derived fields to the system: no rule of theirs applies', () => {
    const form: FormDefinition = {
      code: 'probe',
      label: text('Probe', 'Deneme'),
      repeating: false,
      fields: [
        field('kind', text('Kind', 'Tür'), 'text'),
        field('score', text('Score', 'Skor'), 'integer', {
          derived: true,
          requiredWhen: { field: 'kind', in: ['scored'] },
        }),
        field('scored_on', text('Scored on', 'Skorlama günü'), 'date', {
          derived: true,
          notAfter: [{ event: 'today' }],
        }),
      ],
    };
    expect(formRuleIssues(form, { kind: 'scored', scored_on: '2099-01-01' }, 'complete', context())).toEqual(
      [],
    );
  });
});

describe('visitDateIssues', () => {
  const codesWith = (rules: VisitDates | undefined, visitDate: string, ctx: FormRuleContext) =>
    visitDateIssues(visitDate, rules, ctx).map((i) => `${i.code}:${String(i.params?.ref)}`);
  const codes = (visitDate: string, ctx: FormRuleContext) => codesWith(lbpTrial.visitDates, visitDate, ctx);

  it("applies the definition's bounds with the visit's role", () => {
    const followUp = context({ visitRole: 'follow_up' });
    expect(codes('2026-01-15', followUp)).toEqual(['DATE_TOO_EARLY:randomization']);
    expect(codes('2026-01-15', context({ visitRole: 'baseline' }))).toEqual([]);
    expect(codes('2026-01-20', followUp)).toEqual([]);
    expect(codes('2026-01-09', followUp)).toEqual(['DATE_TOO_EARLY:consent']);
    expect(codes('2026-03-11', followUp)).toEqual(['DATE_TOO_LATE:today']);
    expect(codes('1899-12-31', followUp)).toEqual(['DATE_TOO_EARLY:1900-01-01']);
  });

  it('names the visit date and words the refusal', () => {
    expect(visitDateIssues('2026-01-09', lbpTrial.visitDates, context({ visitRole: 'follow_up' }))).toEqual([
      {
        path: ['visitDate'],
        code: 'DATE_TOO_EARLY',
        params: { kind: 'event', ref: 'consent', date: '2026-01-10' },
        message: 'Visit date cannot be before consent (2026-01-10)',
      },
    ]);
  });

  it('applies only the sides a definition bounds, and the plausible range always', () => {
    const notBeforeConsent: VisitDates = { notBefore: [{ event: 'consent' }] };
    expect(codesWith(notBeforeConsent, '2026-12-31', context())).toEqual([]);
    expect(codesWith(notBeforeConsent, '2101-01-01', context())).toEqual(['DATE_TOO_LATE:2100-12-31']);
    const notAfterToday: VisitDates = { notAfter: [{ event: 'today' }] };
    expect(codesWith(notAfterToday, '1990-01-01', context())).toEqual([]);
    expect(codesWith(notAfterToday, '2026-03-10', context())).toEqual([]);
    expect(codesWith(notAfterToday, '2026-03-11', context())).toEqual(['DATE_TOO_LATE:today']);
  });

  it('keeps consent and today as bounds for a definition without visit date rules', () => {
    const followUp = context({ visitRole: 'follow_up' });
    expect(codesWith(undefined, '2026-01-15', followUp)).toEqual([]);
    expect(codesWith(undefined, '2026-01-09', followUp)).toEqual(['DATE_TOO_EARLY:consent']);
    expect(codesWith(undefined, '2026-03-11', followUp)).toEqual(['DATE_TOO_LATE:today']);
  });

  it('refuses a definition whose visit dates are bounded by a form field', () => {
    const def = { ...lbpTrial, visitDates: { notBefore: [{ field: 'assessed_at' }] } };
    expect(() => loadStudyDefinition(def)).toThrow(/visit date is limited by events and fixed dates/);
  });
});
