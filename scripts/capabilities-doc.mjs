#!/usr/bin/env node
// Writes docs/capabilities.md from the access policy in packages/domain/src/access (its test,
// packages/domain/test/capabilities-doc.test.ts, fails when the file is stale).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './pnpm.mjs';

// esbuild is the API build's bundler (apps/api/build.mjs); borrow it rather than add another.
const esbuildPath = createRequire(join(repoRoot, 'apps/api/package.json')).resolve('esbuild');
const { build } = await import(pathToFileURL(esbuildPath).href);

const out = await build({
  entryPoints: [join(repoRoot, 'packages/domain/src/access/capability-table.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'error',
});
const code = out.outputFiles[0]?.text ?? '';
const { capabilityTableMarkdown } = await import(
  `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
);
writeFileSync(join(repoRoot, 'docs/capabilities.md'), capabilityTableMarkdown());
console.log('docs/capabilities.md written');
