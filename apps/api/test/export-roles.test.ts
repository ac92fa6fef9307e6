import { testDbKind } from '@mini-edc/db/testing';
import { lbpTrial } from '@mini-edc/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, type ExportWorld, seedExportTrial } from './export-seed';

/**
 * Who sees what in an export: the blinded assessor's files
 * hold no arm and no intervention form anywhere, and nobody's file holds another site's people.
 */
let w: ExportWorld;
beforeAll(async () => {
  w = await seedExportTrial();
});
afterAll(() => w?.t.close());

const armCodes = lbpTrial.arms.map((a) => a.code);
const armForms = lbpTrial.arms.map((a) => a.interventionForm);
const files = ['wide.csv', 'long.csv', 'odm.xml', 'dictionary.csv', 'dictionary.md'];

describe(`export roles on ${testDbKind()}`, () => {
  it('gives the unblinded the arm and the intervention records, so the blinded checks below can fail', async () => {
    const wide = parse((await download(w.app, w.s.coordinator, 'wide.csv')).bytes, {
      columns: true,
    }) as Record<string, string>[];
    expect(wide.map((r) => r.arm).filter(Boolean)).toHaveLength(2);
    const long = (await download(w.app, w.s.coordinator, 'long.csv')).text;
    const odm = (await download(w.app, w.s.coordinator, 'odm.xml')).text;
    expect(armCodes.some((c) => long.includes(c))).toBe(true);
    expect(armForms.some((f) => long.includes(f))).toBe(true);
    expect(odm).toContain('ItemOID="I.SYS.ARM"');
    expect(odm).toMatch(/FormOID="F\.INTERVENTION_/);
  });

  it('never puts an arm code, an arm column or an intervention form in an assessor’s export', async () => {
    for (const file of files) {
      const { res, text } = await download(w.app, w.s.assessor, file);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-disposition'], file).toContain('-blinded-');
      for (const code of armCodes) expect(text, `${file} has ${code}`).not.toContain(code);
      for (const form of armForms) {
        expect(text, `${file} has ${form}`).not.toContain(form);
        expect(text, `${file} has ${form}`).not.toContain(form.toUpperCase());
      }
      expect(text, file).not.toMatch(/I\.SYS\.ARM|CL\.SYS\.ARM|Allocated arm/);
    }
    const [header] = parse((await download(w.app, w.s.assessor, 'wide.csv')).bytes, {
      to_line: 1,
    }) as string[][];
    expect(header).not.toContain('arm');
    expect(header?.filter((h) => h.startsWith('n_intervention'))).toEqual([]);
    const [longHeader] = parse((await download(w.app, w.s.assessor, 'long.csv')).bytes, {
      to_line: 1,
    }) as string[][];
    expect(longHeader).not.toContain('arm');
  });

  it('still gives the assessor the outcome data of its site', async () => {
    const wide = parse((await download(w.app, w.s.assessor, 'wide.csv')).bytes, {
      columns: true,
    }) as Record<string, string>[];
    expect(wide.map((r) => r.study_id)).toEqual(['S01-0001', 'S01-0002', 'S01-0003', 'S01-0004']);
    expect(wide[0]?.vas_mm_bl).toBe('55');
  });

  it('never shows another site’s participants, to anyone', async () => {
    const cases = [
      { session: w.s.coordinator, own: 'S01-', other: 'S02-' },
      { session: w.s.investigator, own: 'S01-', other: 'S02-' },
      { session: w.s.monitor, own: 'S01-', other: 'S02-' },
      { session: w.s.assessor, own: 'S01-', other: 'S02-' },
      { session: w.s.coordinatorB, own: 'S02-', other: 'S01-' },
    ];
    for (const { session, own, other } of cases) {
      for (const file of ['wide.csv', 'long.csv', 'odm.xml']) {
        const { text } = await download(w.app, session, file);
        expect(text, file).toContain(own);
        expect(text, file).not.toContain(other);
      }
    }
    // An admin of both sites sees both.
    const both = (await download(w.app, w.s.admin, 'wide.csv')).text;
    expect(both).toContain('S01-0001');
    expect(both).toContain('S02-0001');
  });
});
