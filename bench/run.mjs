// `npm run bench` (after `pnpm build`): bundles bench/src with esbuild, as apps/api/build.mjs does
// for the server, then runs the bench. Workspace packages (TypeScript sources) are inlined,
// third-party packages stay external and load from bench/node_modules; the API under test is the
// built apps/api/dist/server.js.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('./src/main.ts'), here('./src/load-worker.ts'), here('./src/bare-server.ts')],
  outdir: here('./dist'),
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

const child = spawn(process.execPath, ['--enable-source-maps', here('./dist/main.js')], { stdio: 'inherit' });
// Ctrl-C reaches the bench too (same process group); it stops its children and drops its database.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
