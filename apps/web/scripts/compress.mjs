// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, once, at the
// highest levels (too slow to do per request). The API serves them by content negotiation
// (apps/api/src/plugins/web-app.ts, @fastify/static preCompressed); a copy that would not be
// smaller is not written, and the server then sends the original.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
const textFile = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest|map)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (textFile.test(name)) yield path;
  }
}

let original = 0;
let brotli = 0;
let written = 0;
for (const path of files(dist)) {
  const data = readFileSync(path);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  original += data.length;
  brotli += Math.min(br.length, data.length);
  if (br.length < data.length) {
    writeFileSync(`${path}.br`, br);
    written++;
  }
  if (gz.length < data.length) {
    writeFileSync(`${path}.gz`, gz);
    written++;
  }
}
console.log(
  `precompressed: ${written} files written; ${(original / 1024).toFixed(0)} KB of text is ${(brotli / 1024).toFixed(0)} KB as brotli`,
);
