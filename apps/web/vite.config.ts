import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sharedScreenChunk } from './screen-chunks';

export default defineConfig({
  plugins: [react()],
  // The manifest (dist/.vite/manifest.json) lets scripts/report-size.mjs check every chunk's budget
  // and the server hint each page's chunks (apps/api/src/plugins/app-preload.ts).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    // One stylesheet, linked from index.html: a signed-in page asked for three (the entry's, the
    // app's, the screens'), a round trip each on a slow network, for 6 KiB in all (docs/benchmarks.md).
    cssCodeSplit: false,
    // The small modules many screens share in one chunk; the rest as Rollup splits it (screen-chunks.ts).
    rollupOptions: { output: { manualChunks: sharedScreenChunk(), onlyExplicitManualChunks: true } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' } },
});
