#!/usr/bin/env node
// The Chromium that the e2e suite (and anything else that drives a browser, such as Lighthouse)
// launches, found in the order of docs/adr/0004-browser-and-xml-schema-from-npm.md:
//   1. CHROMIUM_PATH (an explicit choice: an error if it does not exist, never silently skipped);
//   2. a browser Playwright has installed (`npx playwright install chromium`);
//   3. the system's Chromium or Chrome on PATH (macOS: the usual application bundles);
//   4. the Chromium shipped inside the npm package @sparticuz/chromium (Linux x64 only), unpacked
//      once into node_modules/.cache with the shared libraries it bundles, so a machine needs
//      nothing but Node.js and npm.
// Run directly, it prints the result as JSON, or the one-line reason and exits 1.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Without these, Chromium keeps trying to reach Google's services (updates, sync, field trials):
 * on a machine with a closed network each attempt is refused, many at a time.
 */
const quietFlags = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The flags every browser found here is launched with. */
function launchArgs() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  // Chromium refuses to start its sandbox as root.
  return ['--headless', ...(root ? ['--no-sandbox'] : []), ...quietFlags];
}

const options =
  'set CHROMIUM_PATH to a Chromium or Chrome executable, run `npx playwright install chromium`, ' +
  "install the system's chromium, or use Linux x64, where the npm package @sparticuz/chromium " +
  '(installed by `npm test`) provides one';

/** Thrown when no browser can be had: one line that names the options. */
export class NoChromiumError extends Error {
  constructor(reason) {
    super(`No Chromium for the browser tests (${reason}): ${options}.`);
    this.name = 'NoChromiumError';
  }
}

/**
 * @returns {Promise<{ executablePath: string, source: 'CHROMIUM_PATH' | 'playwright' | 'system' | 'npm-package', args: string[] }>}
 */
export async function findChromium() {
  const args = launchArgs();
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new NoChromiumError(`CHROMIUM_PATH=${explicit} does not exist`);
    }
    return { executablePath: explicit, source: 'CHROMIUM_PATH', args };
  }
  const installed = await playwrightChromium();
  if (installed) return { executablePath: installed, source: 'playwright', args };
  const system = systemChromium();
  if (system) return { executablePath: system, source: 'system', args };
  const packaged = await npmPackageChromium();
  if (packaged.path) return { executablePath: packaged.path, source: 'npm-package', args };
  throw new NoChromiumError(`none found; the npm package: ${packaged.reason}`);
}

/** The browser `npx playwright install chromium` puts in Playwright's own folder, if it is there. */
async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const systemNames = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const macBundles = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** A Chromium or Chrome on PATH (macOS: in /Applications). */
function systemChromium() {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of systemNames) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  if (process.platform === 'darwin') return macBundles.find((path) => existsSync(path));
  return undefined;
}

/**
 * The Chromium inside @sparticuz/chromium: a brotli-compressed headless shell built for Linux
 * x64, with an archive of the few shared libraries it needs (NSS, NSPR, expat) and a font. Its own
 * `executablePath()` unpacks into a shared /tmp (one copy for every checkout and version, not
 * written atomically) and uses the bundled libraries only on AWS, so it is unpacked here instead:
 * into node_modules/.cache/ by version, through a temporary folder renamed into place (two
 * processes starting at once both succeed), with a launcher that points the browser at its own
 * libraries and fonts.
 */
async function npmPackageChromium() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { reason: `it serves Linux x64 only, this is ${process.platform} ${process.arch}` };
  }
  let binDir;
  let version;
  try {
    const entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
    const packageDir = join(dirname(entry), '..', '..');
    binDir = join(packageDir, 'bin');
    version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return { reason: 'not installed (run `npm test` or `npm run pnpm -- install`)' };
  }
  const target = join(repoRoot, 'node_modules', '.cache', 'mini-edc-chromium', version);
  const launcher = join(target, 'chromium');
  if (existsSync(launcher)) return { path: launcher };
  try {
    await unpack(binDir, target);
  } catch (error) {
    return { reason: `could not be unpacked: ${String(error?.message ?? error).split('\n')[0]}` };
  }
  const probe = spawnSync(launcher, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const detail = (probe.stderr || probe.error?.message || '').trim().split('\n')[0];
    return { reason: `its browser does not start here: ${detail}` };
  }
  return { path: launcher };
}

/** A path as one single-quoted word of /bin/sh. */
function shellQuote(path) {
  return `'${path.replaceAll("'", "'\\''")}'`;
}

async function unpack(binDir, target) {
  const { extract } = await import('tar-fs');
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.${process.pid}.${Date.now()}`;
  await rm(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const binary = join(staging, 'headless_shell');
    await pipeline(
      createReadStream(join(binDir, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(binary, { mode: 0o755 }),
    );
    await chmod(binary, 0o755);
    // al2023.tar.br holds lib/ (NSS, NSPR, expat); fonts.tar.br holds fonts.conf and fonts/.
    await pipeline(
      createReadStream(join(binDir, 'al2023.tar.br')),
      createBrotliDecompress(),
      extract(staging),
    );
    await pipeline(
      createReadStream(join(binDir, 'fonts.tar.br')),
      createBrotliDecompress(),
      extract(join(staging, 'fonts')),
    );
    // The system's fonts when it has any, the bundled one always; the paths are those of the
    // final folder, which the staging folder becomes.
    await writeFile(
      join(staging, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <dir>${join(target, 'fonts', 'fonts')}</dir>`,
        `  <cachedir>${join(target, 'fontconfig-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(staging, 'chromium'),
      [
        '#!/bin/sh',
        '# Generated by scripts/find-chromium.mjs: the packaged Chromium with its own libraries.',
        `LD_LIBRARY_PATH=${shellQuote(join(target, 'lib'))}\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}`,
        `FONTCONFIG_FILE=${shellQuote(join(target, 'fonts.conf'))}`,
        'export LD_LIBRARY_PATH FONTCONFIG_FILE',
        `exec ${shellQuote(join(target, 'headless_shell'))} "$@"`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process renamed its copy into place first: use that one.
    if (existsSync(join(target, 'chromium'))) return;
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(JSON.stringify(await findChromium(), null, 2));
  } catch (error) {
    console.error(error instanceof NoChromiumError ? error.message : String(error));
    process.exit(1);
  }
}
