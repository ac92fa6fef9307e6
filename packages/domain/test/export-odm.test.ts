import { describe, expect, it } from 'vitest';
import { validateOdm } from '../../../test/xml-check.mjs';
import { type OdmFileOptions, odmAuditUsers, odmDocument } from '../src/export/odm';
import { odmSubject } from '../src/export/odm-clinical';
import { escapeXml, escapeXmlAttr, xsDateTime } from '../src/export/xml';
import { lbpTrial } from '../src/study/lbp-trial';
import { NASTY, p1, p2, participants } from './fixtures/export-participants';

const base = (blinded: boolean): OdmFileOptions => ({
  def: lbpTrial,
  fileOid: `EXPORT.${blinded ? 'BLINDED' : 'FULL'}.2025-07-01`,
  creationDateTime: '2025-07-01T08:00:00.000Z',
  sourceSystem: 'mini-EDC <test> & "co"',
  sourceSystemVersion: '0.1.0',
  blinded,
});
// Built inside each test, never at load: a mutation run activates its mutant when the tests start
// (docs/testing.md, Mutation testing).
const adminData = () => ({
  users: [
    ...odmAuditUsers(participants),
    { userId: 'u-unused', displayName: NASTY, role: 'monitor', siteCodes: ['S01'] },
  ],
  locations: [
    { siteCode: 'S01', name: 'Ankara City Hospital (Bilkent) & <Co>' },
    { siteCode: 'S02', name: 'Ankara Training and Research Hospital', effectiveDate: '2025-05-20' },
  ],
});
const fullDoc = () => odmDocument(base(false), adminData(), participants);
const blindedDoc = () => odmDocument(base(true), adminData(), participants);

describe('ODM 1.3.2 export', () => {
  it('validates against the ODM 1.3.2 XSD (libxml2), full and blinded', () => {
    const full = fullDoc();
    const blinded = blindedDoc();
    for (const xml of [full, blinded]) {
      expect(validateOdm(xml)).toEqual({ ok: true, errors: [] });
    }
    // The first call compiles libxml2 and parses the schema set: seconds on a busy machine.
  }, 30_000);

  it('the schema check rejects a broken document, so the validation above can fail', () => {
    const full = fullDoc();
    // AuditRecord children out of XSD order (DateTimeStamp before UserRef).
    const swapped = full.replace(
      /(<UserRef [^>]*\/>)(\s*<LocationRef [^>]*\/>)(\s*<DateTimeStamp>[^<]*<\/DateTimeStamp>)/,
      '$3$2$1',
    );
    expect(swapped).not.toBe(full);
    const order = validateOdm(swapped);
    expect(order.ok).toBe(false);
    expect(order.errors.join('\n')).toMatch(/DateTimeStamp/);
    // A required attribute missing (ItemDef DataType).
    const noType = validateOdm(full.replace(/(<ItemDef [^>]*?) DataType="[^"]*"/, '$1'));
    expect(noType.ok).toBe(false);
    expect(noType.errors.join('\n')).toMatch(/DataType/);
    // Not even well-formed: an unescaped ampersand.
    expect(validateOdm(full.replace('&amp;', '&')).ok).toBe(false);
  }, 30_000);

  it('has the ODM children in XSD order: Study, AdminData, ClinicalData', () => {
    const full = fullDoc();
    const at = (s: string) => full.indexOf(s);
    expect(
      full.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3"',
      ),
    ).toBe(true);
    expect(at('<Study ')).toBeLessThan(at('</Study>'));
    expect(at('</Study>')).toBeLessThan(at('<AdminData'));
    expect(at('</AdminData>')).toBeLessThan(at('<ClinicalData'));
    expect(full.trimEnd().endsWith('</ClinicalData>\n</ODM>')).toBe(true);
  });

  it('references only OIDs it defines (the XSD has no keyrefs to catch this)', () => {
    const full = fullDoc();
    const defined = new Set([...full.matchAll(/<(?:\w+) OID="([^"]+)"/g)].map((m) => m[1]));
    const refs = [...full.matchAll(/(?:\w+OID)="([^"]+)"/g)].map((m) => m[1]);
    const missing = refs.filter((r) => r !== undefined && !defined.has(r) && !r.startsWith('EXPORT.'));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('escapes XML-special characters in text and attributes', () => {
    const full = fullDoc();
    expect(full).not.toContain('<script>');
    expect(full).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;');
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXmlAttr('x\ny\tz\u0001')).toBe('x&#10;y&#9;z\uFFFD');
  });

  it('puts each field’s latest audit entry on its ItemData, with reason and source id', () => {
    const w1 = odmSubject(lbpTrial, p1, { blinded: false });
    const vasItem = w1.slice(w1.indexOf('ItemOID="I.VAS.VAS_MM" Value="40"'));
    const audit = vasItem.slice(0, vasItem.indexOf('</ItemData>'));
    expect(audit).toContain('<UserRef UserOID="U.u-inv-1"/>');
    expect(audit).toContain('<LocationRef LocationOID="LOC.S01"/>');
    expect(audit).toContain('<DateTimeStamp>2025-06-03T11:00:00Z</DateTimeStamp>');
    expect(audit).toContain('<ReasonForChange>&lt;script&gt;');
    // The method was not changed by the edit: it keeps the insert's entry, without a reason.
    const method = w1.slice(w1.indexOf('ItemOID="I.VAS.VAS_METHOD" Value="electronic"'));
    expect(method.slice(0, method.indexOf('</ItemData>'))).not.toContain('ReasonForChange');
  });

  it('keeps a cleared field as IsNull with its audit, at the participant site for a site-less admin', () => {
    const s = odmSubject(lbpTrial, p2, { blinded: false });
    expect(s).toMatch(
      /<ItemData ItemOID="I.VAS.VAS_MM" IsNull="Yes">\s*<AuditRecord>\s*<UserRef UserOID="U.u-admin"\/>\s*<LocationRef LocationOID="LOC.S02"\/>/,
    );
    // PostgreSQL's text form of a timestamp is normalized to xs:dateTime.
    expect(s).toContain('Value="2025-06-11T12:30:00.5+00:00"');
  });

  it('recomputes ODI totals instead of trusting stored ones', () => {
    const s = odmSubject(lbpTrial, p1, { blinded: false });
    expect(s).toContain('ItemOID="I.ODI.ODI_SUM" Value="17"');
    expect(s).toContain('ItemOID="I.ODI.ODI_PCT_X10" Value="340"');
    expect(s).not.toContain('Value="99"');
  });

  it('puts records at unlisted visit codes in the repeating other-visits event', () => {
    const s = odmSubject(lbpTrial, p2, { blinded: false });
    expect(s).toContain('<StudyEventData StudyEventOID="SE.SYS.OTHER" StudyEventRepeatKey="TX">');
    expect(s).toContain('<StudyEventData StudyEventOID="SE.SYS.OTHER" StudyEventRepeatKey="UNS">');
    expect(s).toContain('<FormData FormOID="F.DEVIATION" FormRepeatKey="1">');
  });

  it('blinded: no arm item, code list, arm code or intervention form anywhere', () => {
    const full = fullDoc();
    const blinded = blindedDoc();
    expect(full).toContain('ItemOID="I.SYS.ARM" Value="TLF_MOB"');
    for (const needle of ['I.SYS.ARM', 'CL.SYS.ARM', 'TLF_MOB', 'US_D5W', 'INTERVENTION', 'intervention_']) {
      expect(blinded).not.toContain(needle);
    }
    expect(blinded).toContain('MetaDataVersionOID="MDV.1.BLINDED"');
    // Even if the API forgot to null the arm, a blinded subject does not carry it.
    expect(odmSubject(lbpTrial, p1, { blinded: true })).not.toContain('TLF_MOB');
  });

  it('rejects a time stamp it cannot write as xs:dateTime', () => {
    expect(xsDateTime('2025-06-02T10:00:00Z')).toBe('2025-06-02T10:00:00Z');
    expect(xsDateTime('2025-06-02 10:00:00+0300')).toBe('2025-06-02T10:00:00+03:00');
    expect(() => xsDateTime('yesterday')).toThrow(RangeError);
  });
});
