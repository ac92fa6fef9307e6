import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  latestAuditFor,
  odmClinicalDataClose,
  odmClinicalDataOpen,
  odmFooter,
  odmSubject,
} from '../src/export/odm-clinical';
import type { ExportAuditEntry } from '../src/export/types';
import { smallDefinition, smallParticipant } from './fixtures/small-definition';

const full = { blinded: false };
const blind = { blinded: true };

describe('odmSubject', () => {
  it('is exactly the reviewed SubjectData of the small participant', () => {
    // fixtures/odm-subject-small.xml, read against the participant: visits in schedule order,
    // the randomization after baseline, the TX visit under SE.SYS.OTHER with its code as repeat
    // key, a second instance of a one-per-visit form with FormRepeatKey, every instance of a
    // repeating form with one, the cleared field as IsNull with its audit record, a user without
    // a site located at the participant's site, a blank reason left out, the reason trimmed, the
    // version-2 record, the unknown form and the unknown key left out.
    const expected = readFileSync(new URL('./fixtures/odm-subject-small.xml', import.meta.url), 'utf8');
    expect(odmSubject(smallDefinition, smallParticipant, full)).toBe(expected);
  });

  it('blinded: the same without the arm item', () => {
    const unblinded = odmSubject(smallDefinition, smallParticipant, full);
    const blinded = odmSubject(smallDefinition, smallParticipant, blind);
    expect(blinded).toBe(
      unblinded.replace('            <ItemData ItemOID="I.SYS.ARM" Value="TLF_MOB"/>\n', ''),
    );
    expect(blinded).not.toBe(unblinded);
  });

  it('a block of an older version carries only its records, no randomization', () => {
    expect(odmSubject(smallDefinition, smallParticipant, full, { version: 2, current: false })).toBe(
      [
        '    <SubjectData SubjectKey="S01-0009">',
        '      <SiteRef LocationOID="LOC.S01"/>',
        '      <StudyEventData StudyEventOID="SE.BL">',
        '        <FormData FormOID="F.AE" FormRepeatKey="1">',
        '          <ItemGroupData ItemGroupOID="IG.AE">',
        '            <ItemData ItemOID="I.AE.NOTE" Value="v2"/>',
        '          </ItemGroupData>',
        '        </FormData>',
        '      </StudyEventData>',
        '    </SubjectData>',
        '',
      ].join('\n'),
    );
  });

  it('leaves a participant out of a version block without records, except the current one', () => {
    expect(odmSubject(smallDefinition, smallParticipant, full, { version: 3, current: false })).toBe('');
    const current = odmSubject(smallDefinition, smallParticipant, full, { version: 3, current: true });
    expect(current).toContain('<SiteRef LocationOID="LOC.S01"/>');
    expect(current).toContain('StudyEventOID="SE.SYS.RANDOMIZATION"');
    expect(current).not.toContain('SE.BL');
  });

  it('has no randomization event before randomization, and no stratum item without a stratum', () => {
    const screened = { ...smallParticipant, randomizedAt: null, arm: null, stratum: null };
    expect(odmSubject(smallDefinition, screened, full)).not.toContain('SE.SYS.RANDOMIZATION');
    const noStratum = odmSubject(smallDefinition, { ...smallParticipant, stratum: null }, full);
    expect(noStratum).toContain('I.SYS.RANDOMIZED_AT');
    expect(noStratum).not.toContain('I.SYS.STRATUM');
    const noArm = odmSubject(smallDefinition, { ...smallParticipant, arm: null }, full);
    expect(noArm).not.toContain('I.SYS.ARM');
    expect(noArm).toContain('I.SYS.STRATUM');
  });
});

describe('latestAuditFor', () => {
  const entry = (auditId: number, fields: string[]): ExportAuditEntry => ({
    auditId,
    occurredAt: '2025-06-02T09:15:30Z',
    actorId: 'u-1',
    actorLabel: 'One',
    actorRole: 'coordinator',
    siteCode: 'S01',
    action: 'UPDATE',
    reason: null,
    fields,
  });

  it('finds the latest entry naming the field, the first one too, and none for a field never named', () => {
    const trail = [entry(1, ['a', 'b']), entry(2, ['b']), entry(3, ['c'])];
    expect(latestAuditFor(trail, 'b')?.auditId).toBe(2);
    expect(latestAuditFor(trail, 'a')?.auditId).toBe(1);
    expect(latestAuditFor(trail, 'c')?.auditId).toBe(3);
    expect(latestAuditFor(trail, 'd')).toBeUndefined();
    expect(latestAuditFor([], 'a')).toBeUndefined();
  });
});

describe('ClinicalData wrapper', () => {
  it('opens with the study and the metadata version, closes, and ends the file', () => {
    expect(odmClinicalDataOpen(smallDefinition, full)).toBe(
      '  <ClinicalData StudyOID="ST.NCT00000001" MetaDataVersionOID="MDV.1">\n',
    );
    expect(odmClinicalDataOpen(smallDefinition, blind, 2)).toBe(
      '  <ClinicalData StudyOID="ST.NCT00000001" MetaDataVersionOID="MDV.2.BLINDED">\n',
    );
    expect(odmClinicalDataClose()).toBe('  </ClinicalData>\n');
    expect(odmFooter()).toBe('  </ClinicalData>\n</ODM>\n');
  });
});
