// Bundles the server into dist/ with esbuild: workspace packages (TypeScript sources) are inlined,
// third-party packages stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts', 'src/migrate.ts', 'src/backup-cli.ts', 'src/restore-cli.ts'],
  outdir: 'dist',
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
console.log('api bundled into apps/api/dist');
