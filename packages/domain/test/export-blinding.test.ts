import { describe, expect, it } from 'vitest';
import { validateOdm } from '../../../test/xml-check.mjs';
import { armRevealingTerms } from '../src/access/blinding';
import { exportParticipant } from '../src/export/blinding';
import { dataDictionaryCsvRows } from '../src/export/data-dictionary';
import { longCsvHeader, longCsvRows } from '../src/export/long-csv';
import { odmDocument } from '../src/export/odm';
import { odmSubject } from '../src/export/odm-clinical';
import { odmStudy } from '../src/export/odm-metadata';
import type { ExportAuditEntry, ExportParticipant } from '../src/export/types';
import { wideCsvHeader, wideCsvRow } from '../src/export/wide-csv';
import { lbpTrial, lbpTrialInput } from '../src/study/lbp-trial';
import { loadStudyDefinition } from '../src/study/load-definition';
import { p1, p2, participants } from './fixtures/export-participants';

/**
 * Every export file applies the access policy's blinding rules (R-BLIND-2): the forms, fields and
 * choice values the study definition marks as revealing are absent from the rows, the columns,
 * the dictionary, the ODM metadata, the ODM audit records and the counts.
 */
const full = { blinded: false };
const blind = { blinded: true };

const endOfStudy = {
  recordId: 'M3-eos',
  visitCode: 'M3',
  formCode: 'end_of_study',
  seq: 1,
  status: 'complete' as const,
  version: 2,
  definitionVersion: 1,
  data: {
    status: 'withdrawn',
    date: '2025-09-01',
    last_visit: 'M1',
    reason: 'adverse_event',
    reason_other: 'PLANTED haematoma after the dextrose injection',
  },
  audit: [
    {
      auditId: 1,
      occurredAt: '2025-09-01T10:00:00Z',
      actorId: 'u-inv-1',
      actorLabel: 'Investigator',
      actorRole: 'investigator',
      siteCode: 'S01',
      action: 'INSERT' as const,
      reason: null,
      fields: ['date', 'last_visit', 'reason', 'reason_other', 'status'],
    },
    {
      auditId: 2,
      occurredAt: '2025-09-02T10:00:00Z',
      actorId: 'u-inv-1',
      actorLabel: 'Investigator',
      actorRole: 'investigator',
      siteCode: 'S01',
      action: 'UPDATE' as const,
      reason: 'PLANTED the injection caused it',
      fields: ['reason_other'],
    },
    {
      auditId: 3,
      occurredAt: '2025-09-03T10:00:00Z',
      actorId: 'u-inv-1',
      actorLabel: 'Investigator',
      actorRole: 'investigator',
      siteCode: 'S01',
      action: 'UPDATE' as const,
      reason: 'PLANTED withdrawn because of the dextrose',
      fields: ['reason_other', 'status'],
    },
  ],
};
const withdrawn: ExportParticipant = { ...p1, records: [...p1.records, endOfStudy] };

/** The arm words of the definition, hidden forms' and fields' codes, and the planted free text. */
const leaks = [
  ...armRevealingTerms(lbpTrial),
  'adverse_event',
  'deviation',
  'reason_other',
  'last_visit',
  'PLANTED',
];

function expectNoLeak(text: string, what: string) {
  for (const term of leaks) expect(text, `${what} has ${term}`).not.toContain(term);
}

describe('blinded exports leave out what the blinding rules hide', () => {
  it('the unblinded files do have it, so the checks below can fail', () => {
    const header = wideCsvHeader(lbpTrial, full);
    expect(header).toContain('n_adverse_event');
    expect(header).toContain('n_deviation');
    const long = longCsvRows(lbpTrial, withdrawn, full).flat().join('\n');
    expect(long).toContain('adverse_event');
    expect(long).toContain('PLANTED');
  });

  it('wide CSV: no per-participant count of adverse events or deviations, no hidden field', () => {
    const header = wideCsvHeader(lbpTrial, blind);
    expect(header.filter((h) => h.startsWith('n_'))).toEqual([]);
    expect(header).toContain('status_m3');
    expect(header).toContain('date_m3');
    expectNoLeak(header.join(','), 'wide header');
    for (const p of [withdrawn, ...participants]) {
      const row = wideCsvRow(lbpTrial, p, blind);
      expect(row).toHaveLength(header.length);
      expectNoLeak(row.join(','), `wide row ${p.studyId}`);
    }
    const row = wideCsvRow(lbpTrial, withdrawn, blind);
    expect(row[header.indexOf('status_m3')]).toBe('withdrawn');
  });

  it('long CSV: no hidden record, and of end of study only the safe fields', () => {
    const rows = longCsvRows(lbpTrial, withdrawn, blind);
    const form = longCsvHeader(blind).indexOf('form');
    const field = longCsvHeader(blind).indexOf('field');
    expect(new Set(rows.map((r) => r[form]))).toEqual(
      new Set(['demographics', 'consent', 'vas', 'odi', 'end_of_study']),
    );
    expect(rows.filter((r) => r[form] === 'end_of_study').map((r) => r[field])).toEqual(['status', 'date']);
    for (const p of [withdrawn, ...participants]) {
      expectNoLeak(longCsvRows(lbpTrial, p, blind).flat().join('\n'), `long ${p.studyId}`);
    }
  });

  it('data dictionary: no entry for a hidden form, field or count', () => {
    const text = dataDictionaryCsvRows(lbpTrial, blind)
      .map((r) => r.join(','))
      .join('\n');
    expectNoLeak(text, 'dictionary');
    expect(text).toContain('status_m3');
  });

  it('ODM: no FormDef, ItemDef or ItemGroupDef of a hidden form, no audit record of a hidden change', () => {
    const study = odmStudy(lbpTrial, blind);
    expect(study).not.toMatch(/F\.ADVERSE_EVENT|F\.DEVIATION|IG\.ADVERSE_EVENT|I\.END_OF_STUDY\.REASON/);
    // The study's name names both treatments, which tells nothing about a participant.
    expectNoLeak(study.replace(/<GlobalVariables>[\s\S]*<\/GlobalVariables>/, ''), 'ODM metadata');
    const subject = odmSubject(lbpTrial, withdrawn, blind);
    expectNoLeak(subject, 'SubjectData');
    expect(subject).toContain('I.END_OF_STUDY.STATUS');
    // The update that changed only the withdrawal text is absent with its reason.
    expect(subject).not.toContain('caused it');
    expect(subject).not.toContain('<SourceID>2</SourceID>');
    // A change of a safe field keeps its audit record, without the free-text reason.
    expect(subject).toContain('<SourceID>3</SourceID>');
    const opts = {
      def: lbpTrial,
      ...blind,
      fileOid: 'EXPORT.TEST',
      creationDateTime: '2025-10-01T00:00:00Z',
      sourceSystem: 'test',
      sourceSystemVersion: '0',
    };
    const doc = odmDocument(opts, { users: [], locations: [{ siteCode: 'S01', name: 'A' }] }, [withdrawn]);
    expect(validateOdm(doc)).toEqual({ ok: true, errors: [] });
  });

  it('a revealing field and a revealing value of a visible form: absent from data, metadata and audit', () => {
    const def = loadStudyDefinition({
      ...lbpTrialInput,
      blinding: {
        ...lbpTrialInput.blinding,
        revealingFields: [{ form: 'demographics', field: 'occupation' }],
        revealingValues: [
          ...lbpTrialInput.blinding.revealingValues,
          { form: 'demographics', field: 'sex', values: ['female'] },
        ],
      },
    });
    const demo = p1.records.find((r) => r.formCode === 'demographics');
    if (!demo) throw new Error('fixture has demographics');
    const rec = {
      ...demo,
      data: { ...demo.data, occupation: 'physiotherapist' },
      audit: [
        {
          auditId: 9,
          occurredAt: '2025-06-01T10:00:00Z',
          actorId: 'u-coord-1',
          actorLabel: 'Coordinator',
          actorRole: 'coordinator',
          siteCode: 'S01',
          action: 'INSERT' as const,
          reason: null,
          fields: ['height_cm', 'occupation', 'sex'],
          changes: {
            'data.height_cm': [null, 165],
            'data.occupation': [null, 'physiotherapist'],
            'data.sex': [null, 'female'],
          } as Record<string, [unknown, unknown]>,
        },
      ],
    };
    const p: ExportParticipant = { ...p1, records: [rec] };
    const shown = exportParticipant(def, p, blind).records[0];
    expect(shown?.data).not.toHaveProperty('sex');
    expect(shown?.data).not.toHaveProperty('occupation');
    expect(shown?.audit.map((a) => a.fields)).toEqual([['height_cm']]);
    expect(shown?.audit[0]).not.toHaveProperty('changes');
    expect(wideCsvHeader(def, blind)).not.toContain('occupation_scr');
    const dict = dataDictionaryCsvRows(def, blind).find((r) => r[0] === 'sex_scr');
    expect(dict?.[4]).toBe('male = Male');
    const study = odmStudy(def, blind);
    expect(study).not.toContain('CodedValue="female"');
    expect(study).not.toContain('I.DEMOGRAPHICS.OCCUPATION');
    const subject = odmSubject(def, p, blind);
    expect(subject).not.toMatch(/female|physiotherapist|I\.DEMOGRAPHICS\.SEX/);
    expect(subject).toContain('I.DEMOGRAPHICS.HEIGHT_CM');
  });

  it('leaves out data keys and forms the definition does not know, and audit entries that changed only those', () => {
    const vas = p1.records.find((r) => r.formCode === 'vas');
    if (!vas) throw new Error('fixture has vas');
    const unknownEdit = { ...(vas.audit[0] as ExportAuditEntry), auditId: 77, fields: ['mystery'] };
    const rec = { ...vas, data: { ...vas.data, mystery: 'PLANTED' }, audit: [...vas.audit, unknownEdit] };
    const stray = { ...vas, recordId: 'x', formCode: 'not_in_definition' };
    const shown = exportParticipant(lbpTrial, { ...p1, records: [rec, stray] }, blind).records;
    expect(shown).toHaveLength(1);
    expect(shown[0]?.data).not.toHaveProperty('mystery');
    expect(shown[0]?.audit.map((a) => a.auditId)).toEqual(vas.audit.map((a) => a.auditId));
    // Unblinded, the long file keeps what it does not know.
    expect(longCsvRows(lbpTrial, { ...p1, records: [rec] }, full).flat()).toContain('PLANTED');
  });

  it('is idempotent, and unblinded leaves the participant as it is', () => {
    const once = exportParticipant(lbpTrial, withdrawn, blind);
    expect(exportParticipant(lbpTrial, once, blind)).toEqual(once);
    expect(exportParticipant(lbpTrial, p2, full)).toBe(p2);
  });
});
