import type { AllowedValue, FormDefinition, FormField, StudyDefinition } from '../study/definition-schema';
import { option } from '../study/field-builders';
import { exportedForms } from './blinding';
import { odmOid, oidPart, SYS } from './oids';
import type { DefinitionVersionOf, ExportOptions } from './types';
import { renderXml, type XmlNode, x } from './xml';

/**
 * The <Study> element of an ODM 1.3.2 file: GlobalVariables, BasicDefinitions (units) and one
 * MetaDataVersion built from the study definition. Child order follows ODM1-3-2-foundation.xsd
 * (e.g. ItemDef: Description, Question, MeasurementUnitRef, RangeCheck, CodeListRef).
 */

const ODM_DATA_TYPE: Record<FormField['type'], string> = {
  integer: 'integer',
  decimal: 'float',
  text: 'text',
  date: 'date',
  datetime: 'datetime',
  yes_no: 'text',
  boolean: 'boolean',
  choice: 'text',
  // ODM 1.3.2 has no multi-select item: the value is the comma-joined codes (see the Description).
  multi_choice: 'text',
  user_ref: 'text',
};

const YES_NO: AllowedValue[] = [option('yes', 'Yes', 'Evet'), option('no', 'No', 'Hayır')];

const tt = (lang: 'en' | 'tr', text: string) => x('TranslatedText', { 'xml:lang': lang }, text);
const both = (t: { en: string; tr: string }) => [tt('en', t.en), tt('tr', t.tr)];
const yn = (b: boolean) => (b ? 'Yes' : 'No');

/** One ODM event: a visit of the definition, or one of the two system events. */
interface OdmEvent {
  oid: string;
  name: string;
  type: 'Scheduled' | 'Unscheduled';
  repeating: boolean;
  category?: string;
  forms: { oid: string; mandatory: boolean }[];
}

/** Events in protocol order: visits, the randomization event right after baseline, then "other". */
export function odmEvents(def: StudyDefinition, opts: ExportOptions): OdmEvent[] {
  const forms = new Map(exportedForms(def, opts).map((f) => [f.code, f]));
  const events: OdmEvent[] = [];
  for (const v of def.visits) {
    events.push({
      oid: odmOid.event(v.code),
      name: v.label.en,
      type: 'Scheduled',
      repeating: false,
      category: v.kind,
      forms: v.forms.flatMap((code) => {
        const f = forms.get(code);
        return f === undefined ? [] : [{ oid: odmOid.form(code), mandatory: !f.repeating }];
      }),
    });
    if (v.kind === 'baseline') {
      events.push({
        oid: SYS.randomizationEvent,
        name: 'Randomization',
        type: 'Scheduled',
        repeating: false,
        category: 'randomization',
        forms: [{ oid: SYS.randomizationForm, mandatory: true }],
      });
    }
  }
  events.push({
    oid: SYS.otherEvent,
    name: 'Other visits (treatment, unscheduled); repeat key = visit code',
    type: 'Unscheduled',
    repeating: true,
    forms: [...forms.values()].map((f) => ({ oid: odmOid.form(f.code), mandatory: false })),
  });
  return events;
}

/** Measurement units used by exported fields, each with a stable OID. */
function unitOids(forms: FormDefinition[]): Map<string, string> {
  const units = new Map<string, string>();
  const taken = new Set<string>();
  for (const unit of forms.flatMap((f) => f.fields.map((d) => d.unit))) {
    if (unit === undefined || units.has(unit)) continue;
    let oid = `MU.${oidPart(unit)}`;
    for (let i = 2; taken.has(oid); i++) oid = `MU.${oidPart(unit)}_${i}`;
    taken.add(oid);
    units.set(unit, oid);
  }
  return units;
}

function codeListOf(form: FormDefinition, f: FormField): string | null {
  if (f.allowedValues !== undefined) return odmOid.codeList(form.code, f.name);
  return f.type === 'yes_no' ? SYS.yesNo : null;
}

function rangeCheck(comparator: 'GE' | 'LE', limit: number, f: FormField): XmlNode {
  const word = comparator === 'GE' ? ['at least', 'en az'] : ['at most', 'en fazla'];
  const unit = f.unit === undefined ? '' : ` ${f.unit}`;
  return x(
    'RangeCheck',
    { Comparator: comparator, SoftHard: 'Hard' },
    x('CheckValue', {}, String(limit)),
    x(
      'ErrorMessage',
      {},
      tt('en', `${f.label.en} must be ${word[0]} ${limit}${unit}`),
      tt('tr', `${f.label.tr} ${word[1]} ${limit}${unit} olmalı`),
    ),
  );
}

function itemDef(form: FormDefinition, f: FormField, units: Map<string, string>): XmlNode {
  const codeList = codeListOf(form, f);
  const unitOid = f.unit === undefined ? undefined : units.get(f.unit);
  const multi = f.type === 'multi_choice';
  return x(
    'ItemDef',
    {
      OID: odmOid.item(form.code, f.name),
      Name: f.name,
      DataType: ODM_DATA_TYPE[f.type],
      Origin: f.derived ? 'Derived' : undefined,
    },
    multi &&
      x(
        'Description',
        {},
        tt('en', `Multiple selection: comma-separated codes of ${codeList}`),
        tt('tr', `Çoklu seçim: ${codeList} kodları, virgülle ayrılmış`),
      ),
    x('Question', {}, ...both(f.label)),
    unitOid !== undefined && x('MeasurementUnitRef', { MeasurementUnitOID: unitOid }),
    (f.type === 'integer' || f.type === 'decimal') && f.min !== undefined && rangeCheck('GE', f.min, f),
    (f.type === 'integer' || f.type === 'decimal') && f.max !== undefined && rangeCheck('LE', f.max, f),
    // A CodeListRef promises a single coded value, which a multi-select is not.
    codeList !== null && !multi && x('CodeListRef', { CodeListOID: codeList }),
  );
}

function codeList(oid: string, name: string, values: readonly AllowedValue[]): XmlNode {
  return x(
    'CodeList',
    { OID: oid, Name: name, DataType: 'text' },
    ...values.map((v, i) =>
      x('CodeListItem', { CodedValue: v.code, OrderNumber: i + 1 }, x('Decode', {}, ...both(v.label))),
    ),
  );
}

function randomizationItems(def: StudyDefinition, opts: ExportOptions) {
  const text = (en: string, tr: string) => ({ en, tr });
  const items: { oid: string; name: string; type: string; label: { en: string; tr: string }; cl?: string }[] =
    [];
  if (!opts.blinded) {
    items.push({
      oid: SYS.arm,
      name: 'arm',
      type: 'text',
      label: text('Allocated arm', 'Atanan kol'),
      cl: SYS.armCodes,
    });
  }
  items.push(
    {
      oid: SYS.stratum,
      name: 'stratum',
      type: 'text',
      label: text('Stratum', 'Tabaka'),
      cl: SYS.stratumCodes,
    },
    {
      oid: SYS.randomizedAt,
      name: 'randomized_at',
      type: 'datetime',
      label: text('Randomized at', 'Randomizasyon zamanı'),
    },
  );
  const defs = items.map((i) =>
    x(
      'ItemDef',
      { OID: i.oid, Name: i.name, DataType: i.type, Origin: 'Assigned' },
      x('Question', {}, ...both(i.label)),
      i.cl !== undefined && x('CodeListRef', { CodeListOID: i.cl }),
    ),
  );
  const lists = [
    !opts.blinded &&
      codeList(
        SYS.armCodes,
        'arm',
        def.arms.map((a) => ({ code: a.code, label: a.label })),
      ),
    codeList(
      SYS.stratumCodes,
      'stratum',
      def.stratification.strata.map((s) => ({ code: s.key, label: s.label })),
    ),
  ].filter((n): n is XmlNode => n !== false);
  return { refs: items.map((i) => i.oid), defs, lists };
}

function metaDataVersion(
  def: StudyDefinition,
  opts: ExportOptions,
  units: Map<string, string>,
  version: number,
): XmlNode {
  const forms = exportedForms(def, opts);
  const events = odmEvents(def, opts);
  const rnd = randomizationItems(def, opts);
  const ref = (attr: string, oid: string, i: number, mandatory: boolean) =>
    ({ [attr]: oid, OrderNumber: i + 1, Mandatory: yn(mandatory) }) as const;
  const needsYesNo = forms.some((f) =>
    f.fields.some((d) => d.type === 'yes_no' && d.allowedValues === undefined),
  );
  return x(
    'MetaDataVersion',
    {
      OID: odmOid.metaDataVersion(opts, version),
      Name: `${def.id} study definition version ${version}${opts.blinded ? ' (blinded)' : ''}`,
    },
    x(
      'Protocol',
      {},
      ...events.map((e, i) => x('StudyEventRef', ref('StudyEventOID', e.oid, i, e.type === 'Scheduled'))),
    ),
    ...events.map((e) =>
      x(
        'StudyEventDef',
        { OID: e.oid, Name: e.name, Repeating: yn(e.repeating), Type: e.type, Category: e.category },
        ...e.forms.map((f, i) => x('FormRef', ref('FormOID', f.oid, i, f.mandatory))),
      ),
    ),
    ...forms.map((f) =>
      x(
        'FormDef',
        { OID: odmOid.form(f.code), Name: f.label.en, Repeating: yn(f.repeating) },
        x('ItemGroupRef', ref('ItemGroupOID', odmOid.itemGroup(f.code), 0, true)),
      ),
    ),
    x(
      'FormDef',
      { OID: SYS.randomizationForm, Name: 'Randomization', Repeating: 'No' },
      x('ItemGroupRef', ref('ItemGroupOID', SYS.randomizationGroup, 0, true)),
    ),
    ...forms.map((f) =>
      x(
        'ItemGroupDef',
        { OID: odmOid.itemGroup(f.code), Name: f.code, Repeating: 'No' },
        ...f.fields.map((d, i) => x('ItemRef', ref('ItemOID', odmOid.item(f.code, d.name), i, d.required))),
      ),
    ),
    x(
      'ItemGroupDef',
      { OID: SYS.randomizationGroup, Name: 'randomization', Repeating: 'No' },
      ...rnd.refs.map((oid, i) => x('ItemRef', ref('ItemOID', oid, i, true))),
    ),
    ...forms.flatMap((f) => f.fields.map((d) => itemDef(f, d, units))),
    ...rnd.defs,
    ...forms.flatMap((f) =>
      f.fields.flatMap((d) =>
        d.allowedValues === undefined
          ? []
          : [codeList(odmOid.codeList(f.code, d.name), `${f.code}.${d.name}`, d.allowedValues)],
      ),
    ),
    needsYesNo && codeList(SYS.yesNo, 'yes_no', YES_NO),
    ...rnd.lists,
  );
}

/**
 * The whole <Study> element (GlobalVariables, BasicDefinitions, MetaDataVersion): one
 * MetaDataVersion per stored definition version the export uses (R-DEF-6), version 1 by default.
 */
export function odmStudy(
  def: StudyDefinition,
  opts: ExportOptions,
  versions: readonly DefinitionVersionOf[] = [{ version: 1, def }],
): string {
  const units = unitOids(versions.flatMap((v) => exportedForms(v.def, opts)));
  const study = x(
    'Study',
    { OID: odmOid.study(def) },
    x(
      'GlobalVariables',
      {},
      x('StudyName', {}, def.name),
      x('StudyDescription', {}, `${def.nctId}: ${def.name}`),
      x('ProtocolName', {}, def.nctId),
    ),
    units.size > 0 &&
      x(
        'BasicDefinitions',
        {},
        ...[...units].map(([unit, oid]) =>
          x('MeasurementUnit', { OID: oid, Name: unit }, x('Symbol', {}, tt('en', unit))),
        ),
      ),
    ...versions.map((v) => metaDataVersion(v.def, opts, units, v.version)),
  );
  return renderXml(study, 1);
}
