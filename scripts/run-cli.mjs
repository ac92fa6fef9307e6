// Runs one of the server's command-line tools (apps/api/src/cli/<name>.ts) from the repository
// after `npm install`: esbuild bundles it beside the built server (apps/api/dist, so that the
// migrations folder and the third-party packages resolve as they do for the server) and runs it.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(new URL('../apps/api/package.json', import.meta.url));

/** Bundles and runs cli/<name>.ts; resolves to its exit code. */
export async function runCli(name, argv) {
  const { build } = require('esbuild');
  const entry = fileURLToPath(new URL(`../apps/api/src/cli/${name}.ts`, import.meta.url));
  const outfile = fileURLToPath(new URL(`../apps/api/dist/cli-${name}-${process.pid}.mjs`, import.meta.url));
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
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
  try {
    const { main } = await import(pathToFileURL(outfile).href);
    return await main(argv);
  } finally {
    rmSync(outfile, { force: true });
  }
}
