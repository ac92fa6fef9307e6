// The Chromium that browser tools launch (the e2e suite, the Lighthouse bench): CHROMIUM_PATH if
// set, else a Chromium or Chrome on PATH. Run directly, it prints the result as JSON.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const quietFlags = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @returns {Promise<{ executablePath: string, source: string, args: string[] }>}
 */
export async function findChromium() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  // Chromium refuses to start its sandbox as root.
  const args = ['--headless', ...(root ? ['--no-sandbox'] : []), ...quietFlags];
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} does not exist`);
    return { executablePath: explicit, source: 'CHROMIUM_PATH', args };
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return { executablePath: candidate, source: 'system', args };
    }
  }
  throw new Error('No Chromium: set CHROMIUM_PATH to a Chromium or Chrome executable.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await findChromium(), null, 2));
}
