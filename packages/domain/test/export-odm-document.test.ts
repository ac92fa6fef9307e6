import { describe, expect, it } from 'vitest';
import {
  type OdmFileOptions,
  odmAdminData,
  odmAuditUsers,
  odmDocument,
  odmOpen,
  odmVersions,
} from '../src/export/odm';
import { smallDefinition, smallParticipant } from './fixtures/small-definition';

const opts: OdmFileOptions = {
  def: smallDefinition,
  fileOid: 'F.1',
  creationDateTime: '2025-07-01 08:00:00+00',
  sourceSystem: 'sys',
  sourceSystemVersion: '1',
  blinded: false,
};
const v1 = { version: 1, def: smallDefinition };
const v2 = { version: 2, def: smallDefinition };

describe('odmOpen', () => {
  it('declares XML and opens a snapshot ODM element, with a description when blinded', () => {
    const head =
      '<?xml version="1.0" encoding="UTF-8"?>\n<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2" FileType="Snapshot" FileOID="F.1" CreationDateTime="2025-07-01T08:00:00+00:00" AsOfDateTime="2025-07-01T08:00:00+00:00" SourceSystem="sys" SourceSystemVersion="1"';
    expect(odmOpen(opts)).toBe(`${head}>\n`);
    expect(odmOpen({ ...opts, blinded: true })).toBe(
      `${head} Description="Blinded export: what could reveal the allocation is not included">\n`,
    );
  });
});

describe('odmVersions', () => {
  it('is version 1 of the definition unless versions are given', () => {
    expect(odmVersions({ def: smallDefinition })).toEqual([v1]);
    expect(odmVersions({ def: smallDefinition, versions: [] })).toEqual([v1]);
    expect(odmVersions({ def: smallDefinition, versions: [v1, v2] })).toEqual([v1, v2]);
  });
});

describe('odmAdminData', () => {
  it('lists users with their type, name and sites, and sites with each metadata version', () => {
    const xml = odmAdminData(
      smallDefinition,
      [
        { userId: 'u-1', displayName: 'One', role: 'coordinator', siteCodes: ['S01', 'S02'] },
        { userId: 'u-x', role: 'robot' },
        { userId: 'u-m', displayName: '', role: 'monitor' },
        { userId: 'u-n' },
      ],
      [
        { siteCode: 'S01', name: 'One' },
        { siteCode: 'S02', name: 'Two', effectiveDate: '2025-05-21' },
      ],
      { blinded: false, versions: [v1, v2] },
    );
    expect(xml).toBe(
      [
        '  <AdminData StudyOID="ST.NCT00000001">',
        '    <User OID="U.u-1" UserType="Investigator">',
        '      <DisplayName>One</DisplayName>',
        '      <LocationRef LocationOID="LOC.S01"/>',
        '      <LocationRef LocationOID="LOC.S02"/>',
        '    </User>',
        '    <User OID="U.u-x" UserType="Other"/>',
        '    <User OID="U.u-m" UserType="Sponsor"/>',
        '    <User OID="U.u-n"/>',
        '    <Location OID="LOC.S01" Name="One" LocationType="Site">',
        '      <MetaDataVersionRef StudyOID="ST.NCT00000001" MetaDataVersionOID="MDV.1" EffectiveDate="2025-05-20"/>',
        '      <MetaDataVersionRef StudyOID="ST.NCT00000001" MetaDataVersionOID="MDV.2" EffectiveDate="2025-05-20"/>',
        '    </Location>',
        '    <Location OID="LOC.S02" Name="Two" LocationType="Site">',
        '      <MetaDataVersionRef StudyOID="ST.NCT00000001" MetaDataVersionOID="MDV.1" EffectiveDate="2025-05-21"/>',
        '      <MetaDataVersionRef StudyOID="ST.NCT00000001" MetaDataVersionOID="MDV.2" EffectiveDate="2025-05-21"/>',
        '    </Location>',
        '  </AdminData>',
        '',
      ].join('\n'),
    );
  });

  it('dates a site from the earliest consent version, whatever their order', () => {
    const def = {
      ...smallDefinition,
      consentVersions: [
        { version: '2.0', effectiveFrom: '2025-08-01' },
        { version: '1.0', effectiveFrom: '2025-04-02' },
      ],
    };
    const xml = odmAdminData(def, [], [{ siteCode: 'S01', name: 'One' }], { blinded: true });
    expect(xml).toContain('MetaDataVersionOID="MDV.1.BLINDED" EffectiveDate="2025-04-02"/>');
    expect(xml.match(/MetaDataVersionRef/g)).toHaveLength(1);
  });

  it('gives each role its ODM user type', () => {
    const types = ['coordinator', 'investigator', 'assessor', 'monitor', 'admin'].map(
      (role) =>
        odmAdminData(smallDefinition, [{ userId: 'u', role }], [], opts).match(/UserType="(\w+)"/)?.[1],
    );
    expect(types).toEqual(['Investigator', 'Investigator', 'Investigator', 'Sponsor', 'Sponsor']);
  });
});

describe('odmAuditUsers', () => {
  it('names each actor of the audit trails once, with the label and role of their first entry', () => {
    const [first, ...rest] = smallParticipant.records;
    if (!first) throw new Error('fixture');
    // A record without audit first: users come from audit entries only.
    const p = { ...smallParticipant, records: [{ ...first, audit: [] }, first, ...rest] };
    expect(odmAuditUsers([p, smallParticipant])).toEqual([
      { userId: 'u-1', displayName: 'One', role: 'coordinator' },
      { userId: 'u-admin', displayName: 'One', role: 'coordinator' },
    ]);
    expect(odmAuditUsers([])).toEqual([]);
    const [rec] = smallParticipant.records;
    if (!rec) throw new Error('fixture');
    const renamed = (actorLabel: string, actorRole: string) => ({
      ...rec,
      audit: rec.audit.map((a) => ({ ...a, actorLabel, actorRole })),
    });
    const twice = {
      ...smallParticipant,
      records: [renamed('First', 'coordinator'), renamed('Later', 'monitor')],
    };
    expect(odmAuditUsers([twice])).toEqual([{ userId: 'u-1', displayName: 'First', role: 'coordinator' }]);
  });
});

describe('odmDocument', () => {
  it('has one ClinicalData per version, each with its own records, the randomization in the current (last) one, which closes the file', () => {
    const xml = odmDocument({ ...opts, versions: [v1, v2] }, { users: [], locations: [] }, [
      smallParticipant,
    ]);
    const blocks = xml.split('<ClinicalData ').slice(1);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^StudyOID="ST.NCT00000001" MetaDataVersionOID="MDV.1">/);
    expect(blocks[0]).toContain('Value="second"');
    expect(blocks[0]).not.toContain('SE.SYS.RANDOMIZATION');
    expect(blocks[0]).not.toContain('Value="v2"');
    expect(blocks[0]?.trimEnd().endsWith('</SubjectData>\n  </ClinicalData>')).toBe(true);
    expect(blocks[1]).toMatch(/^StudyOID="ST.NCT00000001" MetaDataVersionOID="MDV.2">/);
    expect(blocks[1]).toContain('Value="v2"');
    expect(blocks[1]).toContain('SE.SYS.RANDOMIZATION');
    expect(blocks[1]).not.toContain('Value="second"');
    expect(xml.endsWith('</SubjectData>\n  </ClinicalData>\n</ODM>\n')).toBe(true);
    expect(xml.match(/<\/ODM>/g)).toHaveLength(1);
  });

  it('with one version, the current one carries every record and the randomization', () => {
    const xml = odmDocument(opts, { users: [], locations: [] }, [smallParticipant]);
    expect(xml.match(/<ClinicalData /g)).toHaveLength(1);
    expect(xml).toContain('SE.SYS.RANDOMIZATION');
    expect(xml).toContain('Value="second"');
  });
});
