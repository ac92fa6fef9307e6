import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import {
  type AppHtml,
  buildAppHtml,
  type HtmlVariant,
  inlinableAnswers,
  LOCALE_COOKIE,
  pageLocale,
} from './app-preload';
import { SESSION_COOKIE } from './auth';
import { errorBody } from './errors';
import { inlineAnswers } from './inline-answers';
import { isClientRoute } from './static-guard';

/** Vite names every file under assets/ by its content hash: a changed file is a new URL. */
const immutableAssets = 'public, max-age=31536000, immutable';
/** index.html (and any other unhashed file) is revalidated on every visit (ETag, 304). */
const revalidate = 'no-cache';

/**
 * The copy of index.html `accepts` allows, as fastify-static's preCompressed would pick it, with
 * an ETag so a revisit is a 304. It varies on the cookie too (a session adds the study's hints,
 * the chosen language its text) and on the browser's languages (the text when none was chosen).
 */
function sendHtml(
  reply: FastifyReply,
  html: HtmlVariant,
  accepts: string,
  ifNoneMatch: string | undefined,
  withAnswers: boolean,
) {
  reply.type('text/html; charset=utf-8').header('vary', 'accept-encoding, cookie, accept-language');
  // A page carrying the user's answers is kept by no cache, as the API's answers are not.
  if (withAnswers) reply.header('cache-control', 'no-store');
  else reply.header('cache-control', revalidate).header('etag', html.etag);
  if (!withAnswers && ifNoneMatch === html.etag) return reply.status(304).send();
  if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(html.br);
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(html.gzip);
  return reply.send(html.identity);
}

/**
 * helmet's headers that only a document reads (a page's script policy, framing, its browsing
 * context group, old browsers' filters). A script or a stylesheet is never a document, so on
 * them these headers are only bytes: about 0.6 KB per file, sent uncompressed by HTTP/1.1 on
 * each of a page's chunks, where Lighthouse's slow network counts every byte
 * (docs/benchmarks.md, "Web app"). What a script or stylesheet itself obeys stays: nosniff,
 * Cross-Origin-Resource-Policy, Referrer-Policy (for a stylesheet's own requests), HSTS.
 */
const documentOnlyHeaders = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

function cacheHeaders(reply: FastifyReply, path: string) {
  const underAssets = path.includes(`${sep}assets${sep}`);
  reply.header('cache-control', underAssets ? immutableAssets : revalidate);
  // Only what the build names by hash as .js or .css (with their .br and .gz copies): anything
  // else a browser could open as a document keeps every header.
  if (underAssets && /\.(js|css)(\.br|\.gz)?$/.test(path)) {
    for (const name of documentOnlyHeaders) reply.raw.removeHeader(name);
  }
}

/**
 * Serves the built single-page app when `root` holds one, so one process and one port run
 * everything. Unknown GET paths outside /api and /docs that the client-side router could own get
 * index.html (not files, not /assets: static-guard.ts); every other unknown route is a JSON 404.
 *
 * The build writes a brotli and a gzip copy beside each text file (apps/web/scripts/compress.mjs);
 * `preCompressed` picks the one the browser accepts and answers `Vary: accept-encoding`.
 */
export const webAppPlugin = fp(
  async (app: FastifyInstance, opts: { root: string | null }) => {
    const spa = opts.root !== null && existsSync(join(opts.root, 'index.html'));
    if (opts.root !== null && !spa)
      app.log.warn({ root: opts.root }, 'web app not built; serving the API only');
    let pages: AppHtml | null = null;
    if (spa && opts.root) {
      pages = buildAppHtml(opts.root);
      await app.register(fastifyStatic, {
        root: opts.root,
        wildcard: false,
        index: false,
        preCompressed: true,
        cacheControl: false,
        setHeaders: cacheHeaders,
      });
    }
    app.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (
        spa &&
        (request.method === 'GET' || request.method === 'HEAD') &&
        !path.startsWith('/api/') &&
        !path.startsWith('/docs') &&
        isClientRoute(path)
      ) {
        if (!pages) return reply.type('text/html').sendFile('index.html');
        const signedIn = request.cookies[SESSION_COOKIE] !== undefined;
        const hasQuery = request.url.includes('?');
        const inlined =
          signedIn && path !== '/login'
            ? await inlineAnswers(app, request, inlinableAnswers(path, hasQuery))
            : new Map<string, string>();
        const page =
          path === '/login'
            ? pages.signIn
            : signedIn
              ? pages.signedIn(
                  path,
                  hasQuery,
                  pageLocale(request.cookies[LOCALE_COOKIE], request.headers['accept-language']),
                  inlined,
                )
              : pages.app;
        return sendHtml(
          reply,
          page,
          String(request.headers['accept-encoding'] ?? ''),
          request.headers['if-none-match'],
          inlined.size > 0,
        );
      }
      return reply.status(404).send(errorBody('NOT_FOUND', 'PATH_NOT_FOUND'));
    });
  },
  { name: 'web-app' },
);
