import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Below this size a response gains less from compression than it costs (one TCP packet). */
const compressAboveBytes = 1024;

/**
 * How API responses travel (docs/architecture.md, "Web delivery"), registered inside the /api/v1
 * scope before its routes:
 * - JSON above 1 KB is compressed per request with brotli or gzip, as the browser accepts. Brotli
 *   runs at quality 4, the library's default for dynamic content (quality 11 is for build time).
 * - The streamed exports are gzipped as they flow, so they stay streamed with constant memory.
 *   Not brotli: its encoder holds back output until megabytes of input fill its window, and a
 *   10,000-participant wide CSV then showed its first byte only at its end (docs/benchmarks.md;
 *   apps/api/bench/export-bench.ts measures it with BENCH_ENCODING).
 * - The session routes are never compressed: their answers carry the CSRF token, and compressing
 *   a secret beside attacker-influenced text is what BREACH-style attacks measure.
 * - Nothing the API answers may be kept by a browser or proxy cache (patient data, sessions):
 *   `Cache-Control: no-store` on every response of the scope that has not chosen its own.
 * - Request bodies are not decompressed: nothing the API accepts is large enough to need it, and
 *   a compressed body would slip past the body size limit.
 */
export const apiDeliveryPlugin = fp(
  async (api: FastifyInstance) => {
    api.addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/v1/auth/')) route.compress = false;
      else if (route.url.startsWith('/api/v1/exports/')) route.compress = { encodings: ['gzip'] };
    });
    await api.register(compress, {
      encodings: ['br', 'gzip'],
      threshold: compressAboveBytes,
      globalDecompression: false,
    });
    api.addHook('onSend', async (_request, reply) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'api-delivery' },
);
