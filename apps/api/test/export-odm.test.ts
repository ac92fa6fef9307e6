import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDbKind } from '@mini-edc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, type ExportWorld, seedExportTrial } from './export-seed';

// The vendored XSD set sits beside the repository (/work/shared next to /work/main); CI sets
// ODM_SCHEMA_DIR instead. From apps/api/test the repository root is three levels up.
const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const schemaDir = process.env.ODM_SCHEMA_DIR ?? resolve(repoRoot, '../shared/cdisc-odm-1.3.2');
const schema = join(schemaDir, 'ODM1-3-2.xsd');
const hasSchema = existsSync(schema);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const skipReason = [
  hasSchema ? null : `no ODM 1.3.2 XSD at ${schema} (set ODM_SCHEMA_DIR)`,
  hasXmllint ? null : 'xmllint is not installed (Debian/Ubuntu package libxml2-utils)',
]
  .filter(Boolean)
  .join('; ');
if (skipReason) console.warn(`ODM schema validation skipped: ${skipReason}`);

const tmp = mkdtempSync(join(tmpdir(), 'edc-odm-api-'));
let w: ExportWorld;
beforeAll(async () => {
  w = await seedExportTrial();
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await w?.t.close();
});

function xmllint(xml: string, name: string) {
  const file = join(tmp, name);
  writeFileSync(file, xml, 'utf8');
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const count = (xml: string, tag: string) => xml.split(`<${tag}`).length - 1;

describe(`ODM export on ${testDbKind()}`, () => {
  it.skipIf(skipReason !== '')(
    `validates against the ODM 1.3.2 XSD with xmllint, full and blinded${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      for (const [who, session] of [
        ['coordinator', w.s.coordinator],
        ['assessor', w.s.assessor],
        ['admin', w.s.admin],
      ] as const) {
        const { res, text } = await download(w.app, session, 'odm.xml');
        expect(res.statusCode).toBe(200);
        const r = xmllint(text, `${who}.xml`);
        expect(r.output).toMatch(/validates/);
        expect(r.status, r.output).toBe(0);
      }
    },
  );

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
