// Bundles bench/*.ts into bench/dist with esbuild, the way build.mjs bundles the server
// (workspace packages inlined, third-party packages loaded from node_modules), then runs the
// export benchmark with --expose-gc so it can measure memory from a collected heap.
// Usage: cd apps/api && node bench/build-and-run.mjs   (see bench/export-bench.ts for env vars)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

await build({
  entryPoints: [`${here}export-bench.ts`],
  outdir: `${here}dist`,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalize-dependencies',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@mini-edc/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});

const run = spawnSync(
  process.execPath,
  [
    '--expose-gc',
    '--enable-source-maps',
    ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    `${here}dist/export-bench.mjs`,
  ],
  { stdio: 'inherit', cwd: `${here}..` },
);
process.exit(run.status ?? 1);
