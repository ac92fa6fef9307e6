#!/usr/bin/env node
// Writes docs/capabilities.md from the access policy in packages/domain/src/access. With --check
// it writes nothing and fails when the file is stale (scripts/check-drift.mjs runs it in
// `npm run check`; packages/domain/test/access-policy.test.ts checks the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './pnpm.mjs';

const docPath = join(repoRoot, 'docs/capabilities.md');

/** The Markdown the policy generates (packages/domain/src/access/capability-table.ts). */
export async function capabilitiesMarkdown() {
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
  return capabilityTableMarkdown();
}

/** True when docs/capabilities.md is what the policy generates. */
export async function capabilitiesDocIsCurrent() {
  return readFileSync(docPath, 'utf8') === (await capabilitiesMarkdown());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--check')) {
    if (!(await capabilitiesDocIsCurrent())) {
      console.error('docs/capabilities.md is stale: run `node scripts/capabilities-doc.mjs` and commit it.');
      process.exit(1);
    }
    console.log('docs/capabilities.md matches the access policy');
  } else {
    writeFileSync(docPath, await capabilitiesMarkdown());
    console.log('docs/capabilities.md written');
  }
}
