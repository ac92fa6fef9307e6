#!/usr/bin/env node
// The external statistician's allocation verifier (docs/closeout.md), run from the repository
// alone after `npm install`: it bundles apps/api/src/cli/verify-allocation.ts (the product's own
// verifyAllocation and list parser) with esbuild into a temporary file and runs it.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(new URL('../apps/api/package.json', import.meta.url));
const { build } = require('esbuild');
const entry = fileURLToPath(new URL('../apps/api/src/cli/verify-allocation.ts', import.meta.url));
const outfile = join(tmpdir(), `mini-edc-verify-allocation-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'error',
});
try {
  const { main } = await import(pathToFileURL(outfile).href);
  process.exitCode = await main(process.argv.slice(2));
} finally {
  rmSync(outfile, { force: true });
}
