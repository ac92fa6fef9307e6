import { participantStatuses } from '../contracts/participants';
import type { AllowedValue, FormDefinition, FormField, StudyDefinition } from '../study/definition-schema';
import { option } from '../study/field-builders';
import { exportedForms } from './blinding';
import type { CsvCell, ExportOptions, ExportParticipant, ExportRecord } from './types';
import { csvCell, isOdiForm, ODI_TOTALS, odiTotals, recordData, visibleArm } from './values';

/**
 * The columns of the wide file, one descriptor each, so the header, the rows and the data
 * dictionary are produced from the same list and cannot drift apart.
 */
export interface WideColumn {
  name: string;
  label: string;
  type: FormField['type'];
  unit?: string;
  allowedValues?: AllowedValue[];
  min?: number;
  max?: number;
  /** Visit code of a per-visit column, 'all' for counts over every visit, '' for participant data. */
  visits: string;
  form: string;
  derived: boolean;
  value: (row: WideRowContext) => CsvCell;
}

/** One participant, with records indexed by visit and form so each column is a lookup. */
export interface WideRowContext {
  participant: ExportParticipant;
  byVisitForm: Map<string, ExportRecord>;
  countByForm: Map<string, number>;
}

const key = (visit: string, form: string) => `${visit}\u0000${form}`;

export function wideRowContext(p: ExportParticipant): WideRowContext {
  const byVisitForm = new Map<string, ExportRecord>();
  const countByForm = new Map<string, number>();
  for (const r of p.records) {
    countByForm.set(r.formCode, (countByForm.get(r.formCode) ?? 0) + 1);
    const k = key(r.visitCode, r.formCode);
    const seen = byVisitForm.get(k);
    // A one-per-visit form has seq 1; should a second instance exist, the first one is shown.
    if (seen === undefined || r.seq < seen.seq) byVisitForm.set(k, r);
  }
  return { participant: p, byVisitForm, countByForm };
}

/** camelCase → snake_case, lower case: column names must read the same in R, SAS and Stata. */
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const sexValues = [option('male', 'Male', 'Erkek'), option('female', 'Female', 'Kadın')];
const statusValues = participantStatuses.map((s) => option(s, s.replace('_', ' '), s.replace('_', ' ')));

function participantColumns(def: StudyDefinition, opts: ExportOptions): WideColumn[] {
  const base = { visits: '', form: '', derived: false } as const;
  const cols: WideColumn[] = [
    {
      ...base,
      name: 'study_id',
      label: 'Participant study id',
      type: 'text',
      value: (c) => c.participant.studyId,
    },
    { ...base, name: 'site', label: 'Site code', type: 'text', value: (c) => c.participant.siteCode },
  ];
  if (!opts.blinded) {
    cols.push({
      ...base,
      name: 'arm',
      label: 'Allocated arm',
      type: 'choice',
      allowedValues: def.arms.map((a) => ({ code: a.code, label: a.label })),
      value: (c) => visibleArm(c.participant, opts),
    });
  }
  cols.push(
    {
      ...base,
      name: 'stratum',
      label: `Randomization stratum (${def.stratification.factors.join(' × ')}), frozen at randomization`,
      type: 'choice',
      allowedValues: def.stratification.strata.map((s) => ({ code: s.key, label: s.label })),
      value: (c) => c.participant.stratum,
    },
    {
      ...base,
      name: 'randomized_at',
      label: 'Randomized at (UTC)',
      type: 'datetime',
      value: (c) => csvCell('datetime', c.participant.randomizedAt),
    },
    {
      ...base,
      name: 'sex',
      label: 'Sex',
      type: 'choice',
      allowedValues: sexValues,
      value: (c) => c.participant.sex,
    },
    {
      ...base,
      name: 'birth_year',
      label: 'Year of birth',
      type: 'integer',
      value: (c) => c.participant.birthYear,
    },
    {
      ...base,
      name: 'status',
      label: 'Participant status',
      type: 'choice',
      allowedValues: statusValues,
      value: (c) => c.participant.status,
    },
    {
      ...base,
      name: 'screened_at',
      label: 'Screening date',
      type: 'date',
      value: (c) => c.participant.screenedAt,
    },
    {
      ...base,
      name: 'eligible',
      label: 'Eligible (1 = yes, 0 = no)',
      type: 'boolean',
      derived: true,
      value: (c) => csvCell('boolean', c.participant.eligible),
    },
    {
      ...base,
      name: 'consent_date',
      label: 'Consent date',
      type: 'date',
      value: (c) => c.participant.consentDate,
    },
  );
  return cols;
}

/** Column stem of a field: ODI sections read odi_q1…odi_q10 as in protocol §3.1. */
function stem(form: FormDefinition, field: { name: string }): string {
  const s = snake(field.name);
  return isOdiForm(form) && !s.startsWith('odi_') ? `odi_${s}` : s;
}

const odiTotalFields: Record<(typeof ODI_TOTALS)[number], Omit<FormField, 'name' | 'required'>> = {
  odi_sum: {
    label: { en: 'ODI sum of answered sections', tr: 'ODI toplam' },
    type: 'integer',
    min: 0,
    max: 50,
  },
  odi_answered: {
    label: { en: 'ODI sections answered', tr: 'ODI yanıtlanan' },
    type: 'integer',
    min: 0,
    max: 10,
  },
  odi_pct_x10: {
    label: { en: 'ODI % × 10 (rounded)', tr: 'ODI % × 10' },
    type: 'integer',
    min: 0,
    max: 1000,
  },
  odi_pct: {
    label: { en: 'ODI % (one decimal)', tr: 'ODI %' },
    type: 'decimal',
    unit: '%',
    min: 0,
    max: 100,
  },
  odi_low_completion: {
    label: { en: 'ODI fewer than 8 sections (1 = yes)', tr: 'ODI < 8' },
    type: 'boolean',
  },
};

interface PendingColumn {
  form: FormDefinition;
  stem: string;
  field: Omit<FormField, 'required'>;
  totals: boolean;
}

function visitColumns(def: StudyDefinition, opts: ExportOptions): WideColumn[] {
  const forms = new Map(exportedForms(def, opts).map((f) => [f.code, f]));
  const cols: WideColumn[] = [];
  for (const visit of def.visits) {
    const pending: PendingColumn[] = [];
    for (const code of visit.forms) {
      const form = forms.get(code);
      if (form === undefined || form.repeating) continue; // repeating forms: counts only
      const odi = isOdiForm(form);
      const totalNames = new Set<string>(ODI_TOTALS);
      for (const field of form.fields) {
        if (odi && totalNames.has(field.name)) continue; // recomputed below, never trusted
        pending.push({ form, stem: stem(form, field), field, totals: false });
      }
      if (odi) {
        for (const name of ODI_TOTALS) {
          pending.push({
            form,
            stem: name,
            field: { name, derived: true, ...odiTotalFields[name] },
            totals: true,
          });
        }
      }
    }
    // Two forms of one visit with the same field name get the form code in front (no clashes).
    const counts = new Map<string, number>();
    for (const p of pending) counts.set(p.stem, (counts.get(p.stem) ?? 0) + 1);
    const suffix = visit.code.toLowerCase();
    for (const p of pending) {
      const clash = (counts.get(p.stem) ?? 0) > 1;
      const name = `${clash ? `${p.form.code}_` : ''}${p.stem}_${suffix}`;
      const k = key(visit.code, p.form.code);
      const { field, form } = p;
      cols.push({
        name,
        label: `${field.label.en} (${form.label.en}, ${visit.label.en})`,
        type: field.type,
        unit: field.unit,
        allowedValues: field.allowedValues,
        min: field.min,
        max: field.max,
        visits: visit.code,
        form: form.code,
        derived: field.derived === true,
        value: (c) => {
          const rec = c.byVisitForm.get(k);
          if (rec === undefined) return null;
          if (p.totals) {
            const v = odiTotals(rec.data)[field.name as (typeof ODI_TOTALS)[number]];
            return csvCell(field.type, v);
          }
          return csvCell(field.type, recordData(form, rec.data)[field.name]);
        },
      });
    }
    for (const form of new Set(pending.map((p) => p.form)))
      cols.push(definitionVersionColumn(visit, form, suffix));
  }
  return cols;
}

/** Which definition version the record of a form at a visit was entered under (R-DEF-6). */
function definitionVersionColumn(
  visit: StudyDefinition['visits'][number],
  form: FormDefinition,
  suffix: string,
) {
  const k = key(visit.code, form.code);
  return {
    name: `${form.code}_definition_version_${suffix}`,
    label: `Study definition version the record was entered under (${form.label.en}, ${visit.label.en})`,
    type: 'integer' as const,
    min: 1,
    visits: visit.code,
    form: form.code,
    derived: true,
    value: (c: WideRowContext) => c.byVisitForm.get(k)?.definitionVersion ?? null,
  };
}

function countColumns(def: StudyDefinition, opts: ExportOptions): WideColumn[] {
  return exportedForms(def, opts)
    .filter((f) => f.repeating)
    .map((form) => ({
      name: `n_${form.code}`,
      label: `Number of ${form.label.en} records (all visits)`,
      type: 'integer' as const,
      min: 0,
      visits: 'all',
      form: form.code,
      derived: true,
      // A count is a fact, so no records is a true 0 (unlike a missing measurement).
      value: (c: WideRowContext) => c.countByForm.get(form.code) ?? 0,
    }));
}

/** Every column of the wide file, in file order. */
export function wideColumns(def: StudyDefinition, opts: ExportOptions): WideColumn[] {
  return [...participantColumns(def, opts), ...visitColumns(def, opts), ...countColumns(def, opts)];
}
