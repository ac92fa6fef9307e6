// The suite needs nothing from the machine but Node.js and npm (README "Tests"): the e2e browser
// lookup and the ODM schema validation run here in child processes whose PATH holds node and
// nothing else, so no system chromium and no xmllint can be found.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lbpTrial, odmAuditUsers, odmDocument } from '../packages/domain/src/index';
import { participants } from '../packages/domain/test/fixtures/export-participants';
import { odmSchemaPath } from './xml-check.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'edc-fresh-machine-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder with only `node` in it: the whole PATH of the child processes. */
const nodeOnly = join(work, 'bin');
mkdirSync(nodeOnly);
symlinkSync(process.execPath, join(nodeOnly, 'node'));
/** Playwright's browser folder, empty: `npx playwright install` has not been run. */
const noPlaywrightBrowsers = join(work, 'ms-playwright');
mkdirSync(noPlaywrightBrowsers);

function run(args: string[], env: Record<string, string> = {}, cwd = repoRoot): SpawnSyncReturns<string> {
  return spawnSync(join(nodeOnly, 'node'), args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: nodeOnly,
      HOME: process.env.HOME ?? work,
      PLAYWRIGHT_BROWSERS_PATH: noPlaywrightBrowsers,
      ...env,
    },
  });
}

const lookup = (env: Record<string, string> = {}, script = 'scripts/find-chromium.mjs', cwd = repoRoot) => {
  const r = run([script], env, cwd);
  return { ...r, found: r.status === 0 ? JSON.parse(r.stdout) : undefined };
};

describe('a machine with only Node.js and npm', () => {
  it('has neither chromium nor xmllint on the PATH of these checks', () => {
    for (const tool of ['chromium', 'chromium-browser', 'google-chrome', 'xmllint']) {
      const r = spawnSync(tool, ['--version'], { env: { PATH: nodeOnly } });
      expect(r.error?.message, tool).toMatch(/ENOENT/);
    }
  });

  it('finds the Chromium inside the npm package and drives a page with it', () => {
    const r = run([
      '--input-type=module',
      '-e',
      `import { chromium } from 'playwright-core';
       import { findChromium } from './scripts/find-chromium.mjs';
       const found = await findChromium();
       const browser = await chromium.launch({ executablePath: found.executablePath, args: found.args });
       const page = await browser.newPage();
       await page.setContent('<label>Ağrı <input value="42"></label>');
       const value = await page.getByLabel('Ağrı').inputValue();
       await browser.close();
       console.log(JSON.stringify({ source: found.source, args: found.args, value }));`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.source).toBe('npm-package');
    expect(out.value).toBe('42');
    expect(out.args).toEqual(expect.arrayContaining(['--headless', '--disable-background-networking']));
  }, 180_000);

  it('validates an ODM export against the official schema, and rejects a broken one', () => {
    const xml = odmDocument(
      {
        def: lbpTrial,
        fileOid: 'EXPORT.FRESH',
        creationDateTime: '2025-07-01T08:00:00.000Z',
        sourceSystem: 'mini-EDC',
        sourceSystemVersion: '0.1.0',
        blinded: false,
      },
      { users: odmAuditUsers(participants), locations: [{ siteCode: 'S01', name: 'Site one' }] },
      participants,
    );
    const good = join(work, 'good.xml');
    const broken = join(work, 'broken.xml');
    writeFileSync(good, xml);
    writeFileSync(broken, xml.replace(/(<ItemDef [^>]*?) DataType="[^"]*"/, '$1'));
    // The schema folder is passed as CI and a newcomer would (ODM_SCHEMA_DIR), since git, which
    // the lookup beside the repository uses, is not on this PATH.
    const env = { ODM_SCHEMA_DIR: dirname(odmSchemaPath()) };
    const ok = run(['test/xml-check.mjs', good], env);
    expect(ok.stdout).toContain('validates');
    expect(ok.status).toBe(0);
    const bad = run(['test/xml-check.mjs', broken], env);
    expect(bad.stdout).toMatch(/fails to validate[\s\S]*DataType/);
    expect(bad.status).toBe(1);
  }, 60_000);
});

describe('the browser lookup', () => {
  it('takes CHROMIUM_PATH, then Playwright’s browser, then the system’s, then the npm package', () => {
    const explicit = join(work, 'my-chromium');
    writeFileSync(explicit, '');
    const systemBin = join(work, 'system-bin');
    mkdirSync(systemBin);
    writeFileSync(join(systemBin, 'chromium'), '');
    chmodSync(join(systemBin, 'chromium'), 0o755);
    const playwrightBrowsers = join(work, 'pw-browsers');
    const where = run(
      [
        '--input-type=module',
        '-e',
        "import('playwright-core').then((m) => console.log(m.chromium.executablePath()))",
      ],
      { PLAYWRIGHT_BROWSERS_PATH: playwrightBrowsers },
    );
    const playwrightChrome = where.stdout.trim();
    expect(playwrightChrome.startsWith(playwrightBrowsers)).toBe(true);
    mkdirSync(dirname(playwrightChrome), { recursive: true });
    writeFileSync(playwrightChrome, '');

    const all = { CHROMIUM_PATH: explicit, PLAYWRIGHT_BROWSERS_PATH: playwrightBrowsers, PATH: systemBin };
    expect(lookup(all).found).toMatchObject({ source: 'CHROMIUM_PATH', executablePath: explicit });
    const { CHROMIUM_PATH: _, ...noExplicit } = all;
    expect(lookup(noExplicit).found).toMatchObject({
      source: 'playwright',
      executablePath: playwrightChrome,
    });
    expect(lookup({ PATH: systemBin }).found).toMatchObject({
      source: 'system',
      executablePath: join(systemBin, 'chromium'),
    });
    expect(lookup().found).toMatchObject({ source: 'npm-package' });
  }, 120_000);

  it('stops with one line naming the options when no browser can be had', () => {
    // The script alone, in a folder without node_modules: no Playwright, no npm package.
    const bare = join(work, 'bare');
    mkdirSync(bare);
    copyFileSync(join(repoRoot, 'scripts/find-chromium.mjs'), join(bare, 'find-chromium.mjs'));
    const r = lookup({}, 'find-chromium.mjs', bare);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^No Chromium for the browser tests \(none found; the npm package: not installed/,
    );
    for (const option of [
      'CHROMIUM_PATH',
      'npx playwright install chromium',
      "system's chromium",
      '@sparticuz/chromium',
    ]) {
      expect(lines[0]).toContain(option);
    }
    // A CHROMIUM_PATH that does not exist is a mistake to report, not a reason to look further.
    const wrong = lookup({ CHROMIUM_PATH: join(work, 'nowhere') });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toMatch(
      /^No Chromium for the browser tests \(CHROMIUM_PATH=.*nowhere does not exist\)/,
    );
  }, 60_000);

  it('makes the e2e suite stop at once with that line instead of failing every test', () => {
    const cli = join(repoRoot, 'e2e/node_modules/@playwright/test/cli.js');
    const r = run(
      [cli, 'test', '--list', '-c', 'playwright.config.ts'],
      { CHROMIUM_PATH: join(work, 'nowhere') },
      join(repoRoot, 'e2e'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^No Chromium for the browser tests \(CHROMIUM_PATH=.*nowhere does not exist\): .*$/,
    );
    expect(r.stdout).not.toMatch(/Listing tests|passed|failed/);
  }, 60_000);
});
