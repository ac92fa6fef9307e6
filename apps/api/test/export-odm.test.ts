import { testDbKind } from '@mini-edc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOdm } from '../../../test/xml-check.mjs';
import { download, type ExportWorld, seedExportTrial } from './export-seed';

let w: ExportWorld;
beforeAll(async () => {
  w = await seedExportTrial();
});
afterAll(async () => {
  await w?.t.close();
});

const count = (xml: string, tag: string) => xml.split(`<${tag}`).length - 1;

describe(`ODM export on ${testDbKind()}`, () => {
  it('validates against the ODM 1.3.2 XSD (libxml2), full and blinded', async () => {
    for (const session of [w.s.coordinator, w.s.assessor, w.s.admin]) {
      const { res, text } = await download(w.app, session, 'odm.xml');
      expect(res.statusCode).toBe(200);
      expect(validateOdm(text)).toEqual({ ok: true, errors: [] });
    }
  });

  it('is served as XML with one SubjectData per participant of your sites', async () => {
    const { res, text } = await download(w.app, w.s.coordinator, 'odm.xml');
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/-odm\.xml"$/);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(count(text, 'SubjectData ')).toBe(4);
    expect(text).toContain(`FileOID="EXPORT.${res.headers['x-export-id']}"`);
    expect(text).toContain('<Location OID="LOC.S01"');
    expect(text).not.toContain('LOC.S02');
    expect(text).not.toContain('S02-');
  });

  it('carries the audit trail: users from the users table, the system actor, and reasons for change', async () => {
    const { text } = await download(w.app, w.s.coordinator, 'odm.xml');
    const user = (key: string) => `<User OID="U.${w.userIds[key]}"`;
    // The users who entered data at S01, with the names the users table holds.
    for (const key of ['coordinator', 'assessor', 'investigator']) expect(text).toContain(user(key));
    expect(text).toContain('<DisplayName>Export coordinator</DisplayName>');
    expect(text).toContain('<DisplayName>Export assessor</DisplayName>');
    // S02's coordinator never touched S01 data, and the export reads only S01.
    expect(text).not.toContain(user('coordinatorB'));
    // The data management script acted as 'system', which is not a user row.
    expect(text).toMatch(/<User OID="U\.system" UserType="Other">\s*<DisplayName>system<\/DisplayName>/);
    expect(text).toContain('<UserRef UserOID="U.system"/>');
    expect(text).toContain('<ReasonForChange>Unit fix by data management script</ReasonForChange>');
    expect(text).toContain(`<ReasonForChange>${w.correctionReason}</ReasonForChange>`);
    // Every UserRef names a User of AdminData.
    const declared = new Set([...text.matchAll(/<User OID="([^"]+)"/g)].map((m) => m[1]));
    const referenced = new Set([...text.matchAll(/<UserRef UserOID="([^"]+)"/g)].map((m) => m[1]));
    for (const ref of referenced) expect(declared.has(ref), ref).toBe(true);
  });

  it('shows the corrected value, with the audit record of the correction', async () => {
    const { text } = await download(w.app, w.s.coordinator, 'odm.xml');
    const bl = text.indexOf('<StudyEventData StudyEventOID="SE.BL">');
    const vas = text.indexOf('<ItemData ItemOID="I.VAS.VAS_MM" Value="55">', bl);
    expect(bl).toBeGreaterThan(0);
    expect(vas).toBeGreaterThan(bl);
    const auditEnd = text.indexOf('</AuditRecord>', vas);
    expect(text.slice(vas, auditEnd)).toContain(`<ReasonForChange>${w.correctionReason}</ReasonForChange>`);
  });
});
