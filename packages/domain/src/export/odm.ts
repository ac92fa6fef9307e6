import type { StudyDefinition } from '../study/definition-schema';
import { odmClinicalDataClose, odmClinicalDataOpen, odmFooter, odmSubject } from './odm-clinical';
import { odmStudy } from './odm-metadata';
import { odmOid } from './oids';
import type { DefinitionVersionOf, ExportOptions, ExportParticipant } from './types';
import { openTag, renderXml, x, xsDateTime } from './xml';

/**
 * CDISC ODM 1.3.2 in pieces the API can stream, in the order the XSD requires for <ODM>'s
 * children (Study, AdminData, ReferenceData, ClinicalData, Association, ds:Signature):
 *
 *   odmHeader(opts)                          XML declaration, <ODM …>, <Study>…</Study>
 *   odmAdminData(def, users, locations, o)   <AdminData> with User and Location (sites)
 *   odmClinicalDataOpen(def, o)              <ClinicalData …>
 *   odmSubject(def, participant, o)          one <SubjectData> per participant
 *   odmFooter()                              </ClinicalData></ODM>
 *
 * `odmDocument` joins them for small exports and tests.
 */

export interface OdmFileOptions extends ExportOptions {
  def: StudyDefinition;
  fileOid: string;
  /** ISO instant; also the AsOfDateTime of this snapshot. */
  creationDateTime: string;
  sourceSystem: string;
  sourceSystemVersion: string;
  /**
   * The stored definition versions the export uses, oldest first, the last being `def` (the
   * current one): one MetaDataVersion and one ClinicalData each (R-DEF-6). Version 1 alone when
   * not given.
   */
  versions?: readonly DefinitionVersionOf[];
}

/** The versions of an export, oldest first; the last is the current definition. */
export function odmVersions(opts: Pick<OdmFileOptions, 'def' | 'versions'>): readonly DefinitionVersionOf[] {
  return opts.versions && opts.versions.length > 0 ? opts.versions : [{ version: 1, def: opts.def }];
}

/** A user who appears in the audit trail (UserRef) or is otherwise named in the file. */
export interface OdmUser {
  userId: string;
  displayName?: string | null;
  role?: string | null;
  siteCodes?: string[];
}

/** A site. Every LocationRef/SiteRef points at one; the MetaDataVersionRef is required by the XSD. */
export interface OdmLocation {
  siteCode: string;
  name: string;
  /** When the site started on this metadata version; defaults to the first consent version's date. */
  effectiveDate?: string;
}

export const ODM_NAMESPACE = 'http://www.cdisc.org/ns/odm/v1.3';

/** XML declaration and the opening <ODM> tag (FileType Snapshot: current values plus their audit). */
export function odmOpen(opts: OdmFileOptions): string {
  const when = xsDateTime(opts.creationDateTime);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${openTag('ODM', {
    xmlns: ODM_NAMESPACE,
    ODMVersion: '1.3.2',
    FileType: 'Snapshot',
    FileOID: opts.fileOid,
    CreationDateTime: when,
    AsOfDateTime: when,
    SourceSystem: opts.sourceSystem,
    SourceSystemVersion: opts.sourceSystemVersion,
    Description: opts.blinded
      ? 'Blinded export: what could reveal the allocation is not included'
      : undefined,
  })}`;
}

export function odmHeader(opts: OdmFileOptions): string {
  return odmOpen(opts) + odmStudy(opts.def, opts, odmVersions(opts));
}

// Site staff enter data as investigators; admins and monitors act for the sponsor.
const USER_TYPE: Record<string, string> = {
  coordinator: 'Investigator',
  investigator: 'Investigator',
  assessor: 'Investigator',
  monitor: 'Sponsor',
  admin: 'Sponsor',
};

export function odmAdminData(
  def: StudyDefinition,
  users: readonly OdmUser[],
  locations: readonly OdmLocation[],
  opts: ExportOptions & Pick<OdmFileOptions, 'versions'>,
): string {
  const versions = odmVersions({ def, versions: opts.versions });
  const firstConsent = [...def.consentVersions].map((c) => c.effectiveFrom).sort()[0];
  const admin = x(
    'AdminData',
    { StudyOID: odmOid.study(def) },
    ...users.map((u) =>
      x(
        'User',
        { OID: odmOid.user(u.userId), UserType: u.role ? (USER_TYPE[u.role] ?? 'Other') : undefined },
        u.displayName ? x('DisplayName', {}, u.displayName) : null,
        ...(u.siteCodes ?? []).map((s) => x('LocationRef', { LocationOID: odmOid.location(s) })),
      ),
    ),
    ...locations.map((l) =>
      x(
        'Location',
        { OID: odmOid.location(l.siteCode), Name: l.name, LocationType: 'Site' },
        ...versions.map((v) =>
          x('MetaDataVersionRef', {
            StudyOID: odmOid.study(def),
            MetaDataVersionOID: odmOid.metaDataVersion(opts, v.version),
            EffectiveDate: l.effectiveDate ?? firstConsent,
          }),
        ),
      ),
    ),
  );
  return renderXml(admin, 1);
}

/** The whole document in one string; the API streams the same pieces instead. */
export function odmDocument(
  opts: OdmFileOptions,
  admin: { users: readonly OdmUser[]; locations: readonly OdmLocation[] },
  participants: Iterable<ExportParticipant>,
): string {
  const parts = [odmHeader(opts), odmAdminData(opts.def, admin.users, admin.locations, opts)];
  const versions = odmVersions(opts);
  const list = [...participants];
  versions.forEach(({ version, def }, i) => {
    const current = i === versions.length - 1;
    parts.push(odmClinicalDataOpen(def, opts, version));
    for (const p of list) parts.push(odmSubject(def, p, opts, { version, current }));
    parts.push(current ? odmFooter() : odmClinicalDataClose());
  });
  return parts.join('');
}

/** Every user the audit trails of these participants name, for odmAdminData. */
export function odmAuditUsers(participants: Iterable<ExportParticipant>): OdmUser[] {
  const users = new Map<string, OdmUser>();
  for (const p of participants) {
    for (const r of p.records) {
      for (const a of r.audit) {
        if (!users.has(a.actorId))
          users.set(a.actorId, { userId: a.actorId, displayName: a.actorLabel, role: a.actorRole });
      }
    }
  }
  return [...users.values()];
}
