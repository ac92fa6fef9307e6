import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { odmEvents, odmStudy } from '../src/export/odm-metadata';
import type { StudyDefinition } from '../src/study/definition-schema';
import { option } from '../src/study/field-builders';
import { lbpTrial } from '../src/study/lbp-trial';
import { smallDefinition } from './fixtures/small-definition';

const full = { blinded: false };
const blind = { blinded: true };

/** The same small definition with its yes/no field given its own values. */
function withOwnYesNo(): StudyDefinition {
  const def = structuredClone(smallDefinition);
  for (const f of def.forms[0]?.fields ?? []) {
    if (f.name === 'ok') f.allowedValues = [option('yes', 'Yes', 'Evet')];
  }
  return def;
}

describe('ODM metadata of a small definition', () => {
  it('is exactly the reviewed document: events, forms, item groups, item defs, units, ranges, code lists', () => {
    // fixtures/odm-study-small.xml was read element by element against ODM1-3-2-foundation.xsd's
    // child order: units whose OID parts collide get _2, a range check only on numbers and with
    // the unit in its message, a multi-choice described and without CodeListRef, a yes/no without
    // its own values on the shared yes/no list, Mandatory from `required`, Origin from `derived`.
    const expected = readFileSync(new URL('./fixtures/odm-study-small.xml', import.meta.url), 'utf8');
    expect(odmStudy(smallDefinition, full)).toBe(expected);
  });

  it('adds the shared yes/no list only when a yes/no field has no values of its own', () => {
    const xml = odmStudy(withOwnYesNo(), full);
    expect(xml).not.toContain('CL.SYS.YES_NO');
    expect(xml).toContain('<CodeListRef CodeListOID="CL.F1.OK"/>');
    expect(xml).toContain('<CodeList OID="CL.F1.OK" Name="f1.ok" DataType="text">');
  });

  it('numbers the units whose OID parts collide: _2, _3 and so on', () => {
    const def = structuredClone(smallDefinition);
    const f1 = def.forms[0];
    if (!f1) throw new Error('fixture');
    f1.fields.push({
      name: 'third',
      label: { en: 'Third', tr: 'Üçüncü' },
      type: 'decimal',
      required: false,
      unit: 'c.m',
    });
    const xml = odmStudy(def, full);
    expect(xml).toContain('<MeasurementUnit OID="MU.C_M_3" Name="c.m">');
    expect(xml).toContain('<MeasurementUnitRef MeasurementUnitOID="MU.C_M_3"/>');
  });

  it('has range checks only on numbers', () => {
    const def = structuredClone(smallDefinition);
    const note = def.forms[1]?.fields[0];
    if (!note) throw new Error('fixture');
    note.max = 5;
    expect(odmStudy(def, full)).not.toContain('<CheckValue>5</CheckValue>');
  });

  it('leaves out BasicDefinitions when no field has a unit', () => {
    const def = structuredClone(smallDefinition);
    for (const form of def.forms) for (const f of form.fields) delete f.unit;
    const xml = odmStudy(def, full);
    expect(xml).not.toContain('BasicDefinitions');
    expect(xml).not.toContain('MeasurementUnitRef');
    expect(xml).toContain('<TranslatedText xml:lang="en">Size must be at least 1</TranslatedText>');
  });

  it('writes one MetaDataVersion per stored version, with the units of all of them', () => {
    const v2 = structuredClone(smallDefinition);
    const size = v2.forms[0]?.fields[0];
    if (size) size.unit = 'mm';
    const xml = odmStudy(smallDefinition, full, [
      { version: 1, def: smallDefinition },
      { version: 2, def: v2 },
    ]);
    expect(xml).toContain('<MetaDataVersion OID="MDV.1" Name="small study definition version 1">');
    expect(xml).toContain('<MetaDataVersion OID="MDV.2" Name="small study definition version 2">');
    expect(xml).toContain('<MeasurementUnit OID="MU.MM" Name="mm">');
    expect(xml.match(/<MeasurementUnit /g)).toHaveLength(3);
    expect(xml.match(/<MetaDataVersion /g)).toHaveLength(2);
  });
});

describe('blinded ODM metadata', () => {
  const xmlOf = () => odmStudy(lbpTrial, blind);

  it('is a version of its own, says so, and has no arm item, reference or code list', () => {
    const xml = xmlOf();
    expect(xml).toContain(
      '<MetaDataVersion OID="MDV.1.BLINDED" Name="nct07241559 study definition version 1 (blinded)">',
    );
    expect(xml).not.toContain('I.SYS.ARM');
    expect(xml).not.toContain('CL.SYS.ARM');
    expect(xml).toContain('<ItemRef ItemOID="I.SYS.STRATUM" OrderNumber="1" Mandatory="Yes"/>');
    expect(xml).toContain('<ItemRef ItemOID="I.SYS.RANDOMIZED_AT" OrderNumber="2" Mandatory="Yes"/>');
    expect(xml).toContain('<CodeList OID="CL.SYS.STRATUM" Name="stratum" DataType="text">');
  });

  it('has no form the blinding hides, in events, form defs or item defs', () => {
    const xml = xmlOf();
    expect(xml).not.toContain('INTERVENTION_TLF_MOB');
    expect(odmStudy(lbpTrial, full)).toContain('<FormDef OID="F.INTERVENTION_TLF_MOB"');
  });
});

describe('odmEvents', () => {
  it('lists the visits in order, the randomization right after baseline, then the other-visits event', () => {
    const events = odmEvents(smallDefinition, full);
    expect(events.map((e) => e.oid)).toEqual(['SE.SCR', 'SE.BL', 'SE.SYS.RANDOMIZATION', 'SE.SYS.OTHER']);
    expect(events[1]).toEqual({
      oid: 'SE.BL',
      name: 'Baseline',
      type: 'Scheduled',
      repeating: false,
      category: 'baseline',
      forms: [
        { oid: 'F.F1', mandatory: true },
        { oid: 'F.AE', mandatory: false },
      ],
    });
    expect(events[2]).toEqual({
      oid: 'SE.SYS.RANDOMIZATION',
      name: 'Randomization',
      type: 'Scheduled',
      repeating: false,
      category: 'randomization',
      forms: [{ oid: 'F.SYS.RANDOMIZATION', mandatory: true }],
    });
    expect(events[3]).toEqual({
      oid: 'SE.SYS.OTHER',
      name: 'Other visits (treatment, unscheduled); repeat key = visit code',
      type: 'Unscheduled',
      repeating: true,
      forms: [
        { oid: 'F.F1', mandatory: false },
        { oid: 'F.AE', mandatory: false },
      ],
    });
  });

  it('leaves out of each visit the forms a blinded export hides', () => {
    const tx = (opts: typeof full) =>
      odmEvents(lbpTrial, opts)
        .find((e) => e.oid === 'SE.SYS.OTHER')
        ?.forms.map((f) => f.oid);
    expect(tx(full)).toContain('F.INTERVENTION_TLF_MOB');
    expect(tx(blind)).not.toContain('F.INTERVENTION_TLF_MOB');
  });
});
