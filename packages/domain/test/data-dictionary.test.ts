import { describe, expect, it } from 'vitest';
import {
  dataDictionaryCsvRows,
  dataDictionaryMarkdown,
  dataDictionaryRows,
} from '../src/export/data-dictionary';
import type { StudyDefinition } from '../src/study/definition-schema';
import { lbpTrial } from '../src/study/lbp-trial';

const blind = { blinded: true };

/** The trial with the height field's label made awkward for a Markdown table cell. */
function withHeightLabel(en: string): StudyDefinition {
  const def = structuredClone(lbpTrial);
  for (const form of def.forms) {
    for (const f of form.fields) if (f.name === 'height_cm') f.label = { en, tr: en };
  }
  return def;
}

describe('data dictionary rows', () => {
  it('describes the unblinded file when no options are given', () => {
    expect(dataDictionaryRows(lbpTrial).map((r) => r.variable)).toContain('arm');
    expect(dataDictionaryRows(lbpTrial, blind).map((r) => r.variable)).not.toContain('arm');
  });

  it('leaves unit empty and range null where the field has none', () => {
    const rows = new Map(dataDictionaryRows(lbpTrial).map((r) => [r.variable, r]));
    expect(rows.get('study_id')).toMatchObject({ unit: '', allowedValues: '', min: null, max: null });
    expect(rows.get('height_cm_scr')).toMatchObject({ unit: 'cm', min: 100, max: 230 });
    expect(rows.get('pain_duration_months_scr')).toMatchObject({ unit: 'months', min: 0, max: 600 });
    expect(rows.get('eligibility_definition_version_scr')).toMatchObject({ min: 1, max: null });
  });
});

describe('data dictionary as CSV rows', () => {
  const rowsOf = () => new Map(dataDictionaryCsvRows(lbpTrial).map((r) => [r[0], r]));

  it('writes a range as numbers, a missing bound as an empty cell, a zero bound as 0', () => {
    const rows = rowsOf();
    expect(rows.get('height_cm_scr')?.slice(2)).toEqual([
      'decimal',
      'cm',
      '',
      '100',
      '230',
      'SCR',
      'demographics',
      'no',
    ]);
    expect(rows.get('pain_duration_months_scr')?.slice(5, 7)).toEqual(['0', '600']);
    expect(rows.get('eligibility_definition_version_scr')?.slice(5, 7)).toEqual(['1', '']);
    expect(rows.get('study_id')?.slice(3, 7)).toEqual(['', '', '', '']);
  });

  it('describes the unblinded file when no options are given', () => {
    expect(dataDictionaryCsvRows(lbpTrial).map((r) => r[0])).toContain('arm');
    expect(dataDictionaryCsvRows(lbpTrial, blind).map((r) => r[0])).not.toContain('arm');
  });

  it('writes the derived flag as yes or no', () => {
    const rows = rowsOf();
    expect(rows.get('bmi_scr')?.[9]).toBe('yes');
    expect(rows.get('weight_kg_scr')?.[9]).toBe('no');
  });
});

describe('data dictionary as Markdown', () => {
  it('opens with the trial, says when blinded, then the note on missing values and formulas', () => {
    const md = dataDictionaryMarkdown(lbpTrial);
    expect(
      md.startsWith('# Data dictionary: NCT07241559\n\nEmpty cells are missing values (never 0). '),
    ).toBe(true);
    expect(md).toContain('Booleans are 1 = yes, 0 = no. Multiple choices are comma-separated codes.');
    expect(md).toContain('ODI totals are recomputed from the items (protocol §3.2). Text cells that would');
    expect(
      dataDictionaryMarkdown(lbpTrial, blind).startsWith('# Data dictionary: NCT07241559 (blinded)\n\n'),
    ).toBe(true);
  });

  it('has a header row, a separator row of ---, then the rows, ending with a line break', () => {
    const md = dataDictionaryMarkdown(lbpTrial);
    const lines = md.split('\n');
    const at = lines.indexOf(
      '| variable | label | type | unit | allowed_values | min | max | visits | form | derived |',
    );
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    expect(lines[at + 2]).toBe('| study_id | Participant study id | text |  |  |  |  |  |  | no |');
    expect(md.endsWith(' |\n')).toBe(true);
  });

  it('escapes pipes and backslashes and flattens line breaks inside a cell', () => {
    const md = dataDictionaryMarkdown(withHeightLabel('a|b\\c\nd\r\ne'));
    expect(md).toContain('| height_cm_scr | a\\|b\\\\c d e (Demographics, Screening) | decimal | cm |');
  });
});
