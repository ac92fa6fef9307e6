import type { FormDefinition, StudyDefinition } from '../study/definition-schema';
import { exportedForms, exportParticipant } from './blinding';
import { sortRecords } from './long-csv';
import { odmOid, SYS } from './oids';
import type { ExportAuditEntry, ExportOptions, ExportParticipant, ExportRecord } from './types';
import { recordData, valueText, visibleArm } from './values';
import { openTag, renderXml, type XmlNode, x, xsDateTime } from './xml';

/**
 * ClinicalData: one <SubjectData> per participant, produced one at a time so the API can stream.
 * Each ItemData carries the AuditRecord of the latest audit entry that changed that field
 * (21 CFR 11.10(e), EMA 2023 §6.2: who, where, when, why at field level). AuditRecord children in
 * XSD order: UserRef, LocationRef, DateTimeStamp, ReasonForChange?, SourceID?.
 */

/**
 * One <ClinicalData> per definition version the records were entered under (R-DEF-6): ODM 1.3.2
 * ties clinical data to its metadata version on this element, so each record's FormData sits in
 * the ClinicalData of its own version.
 */
export function odmClinicalDataOpen(def: StudyDefinition, opts: ExportOptions, version = 1): string {
  return openTag(
    'ClinicalData',
    { StudyOID: odmOid.study(def), MetaDataVersionOID: odmOid.metaDataVersion(opts, version) },
    1,
  );
}

export function odmClinicalDataClose(): string {
  return '  </ClinicalData>\n';
}

/** Which part of a participant one ClinicalData block carries. */
export interface OdmSubjectPart {
  /** Only records entered under this definition version. */
  version: number;
  /** The block of the current version also carries the randomization and every participant. */
  current: boolean;
}

/** The latest entry (entries are oldest first) whose field list names this field. */
export function latestAuditFor(
  audit: readonly ExportAuditEntry[],
  field: string,
): ExportAuditEntry | undefined {
  for (let i = audit.length - 1; i >= 0; i--) {
    const entry = audit[i];
    if (entry?.fields.includes(field)) return entry;
  }
  return undefined;
}

function auditRecord(entry: ExportAuditEntry, fallbackSite: string): XmlNode {
  const reason = entry.reason?.trim();
  return x(
    'AuditRecord',
    {},
    x('UserRef', { UserOID: odmOid.user(entry.actorId) }),
    // A user without a site (admin, monitor) acted on this participant's site's data.
    x('LocationRef', { LocationOID: odmOid.location(entry.siteCode ?? fallbackSite) }),
    x('DateTimeStamp', {}, xsDateTime(entry.occurredAt)),
    reason ? x('ReasonForChange', {}, reason) : null,
    x('SourceID', {}, String(entry.auditId)),
  );
}

function formData(form: FormDefinition, rec: ExportRecord, siteCode: string): XmlNode {
  const data = recordData(form, rec.data);
  const items: XmlNode[] = [];
  for (const field of form.fields) {
    const value = valueText(field.type, data[field.name]);
    const entry = latestAuditFor(rec.audit, field.name);
    const audit = entry === undefined ? null : auditRecord(entry, siteCode);
    const oid = odmOid.item(form.code, field.name);
    if (value !== null) items.push(x('ItemData', { ItemOID: oid, Value: value }, audit));
    // A field that was filled and later cleared keeps its audit trail as an explicit null.
    else if (audit !== null) items.push(x('ItemData', { ItemOID: oid, IsNull: 'Yes' }, audit));
  }
  return x(
    'FormData',
    {
      FormOID: odmOid.form(form.code),
      FormRepeatKey: form.repeating || rec.seq !== 1 ? String(rec.seq) : undefined,
    },
    x('ItemGroupData', { ItemGroupOID: odmOid.itemGroup(form.code) }, ...items),
  );
}

function randomizationEvent(p: ExportParticipant, opts: ExportOptions): XmlNode | null {
  if (p.randomizedAt === null) return null;
  const arm = visibleArm(p, opts);
  return x(
    'StudyEventData',
    { StudyEventOID: SYS.randomizationEvent },
    x(
      'FormData',
      { FormOID: SYS.randomizationForm },
      x(
        'ItemGroupData',
        { ItemGroupOID: SYS.randomizationGroup },
        !opts.blinded && arm !== null && x('ItemData', { ItemOID: SYS.arm, Value: arm }),
        p.stratum !== null && x('ItemData', { ItemOID: SYS.stratum, Value: p.stratum }),
        x('ItemData', { ItemOID: SYS.randomizedAt, Value: xsDateTime(p.randomizedAt) }),
      ),
    ),
  );
}

/**
 * One participant as <SubjectData SubjectKey="S01-0007">. Events follow the protocol order;
 * records at a visit code the definition does not list (treatment, unscheduled) go to the
 * repeating SE.SYS.OTHER event with the visit code as repeat key. Data of forms the definition
 * does not know, and keys a form does not define, have no ItemDef and are left out (the long CSV
 * keeps them). Blinded: no arm item, and only the forms, fields and audit records ./blinding.ts
 * leaves.
 */
export function odmSubject(
  def: StudyDefinition,
  participant: ExportParticipant,
  opts: ExportOptions,
  part: OdmSubjectPart = { version: 1, current: true },
): string {
  const p = exportParticipant(def, participant, opts);
  const forms = new Map(exportedForms(def, opts).map((f) => [f.code, f]));
  const scheduled = new Set(def.visits.map((v) => v.code));
  const byVisit = new Map<string, XmlNode[]>();
  const records = p.records.filter((r) => r.definitionVersion === part.version);
  if (records.length === 0 && !part.current) return '';
  for (const rec of sortRecords(def, records)) {
    const form = forms.get(rec.formCode);
    if (form === undefined) continue;
    const list = byVisit.get(rec.visitCode) ?? [];
    list.push(formData(form, rec, p.siteCode));
    byVisit.set(rec.visitCode, list);
  }
  const events: XmlNode[] = [];
  const rnd = part.current ? randomizationEvent(p, opts) : null;
  for (const v of def.visits) {
    const list = byVisit.get(v.code);
    if (list !== undefined)
      events.push(x('StudyEventData', { StudyEventOID: odmOid.event(v.code) }, ...list));
    if (v.kind === 'baseline' && rnd !== null) events.push(rnd);
  }
  for (const [code, list] of byVisit) {
    if (scheduled.has(code)) continue;
    events.push(x('StudyEventData', { StudyEventOID: SYS.otherEvent, StudyEventRepeatKey: code }, ...list));
  }
  const subject = x(
    'SubjectData',
    { SubjectKey: p.studyId },
    x('SiteRef', { LocationOID: odmOid.location(p.siteCode) }),
    ...events,
  );
  return renderXml(subject, 2);
}

export function odmFooter(): string {
  return '  </ClinicalData>\n</ODM>\n';
}
