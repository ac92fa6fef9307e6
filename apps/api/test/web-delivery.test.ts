import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestDb, type TestDb } from '@mini-edc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { buildAppHtml } from '../src/plugins/app-preload';
import { answersScript } from '../src/plugins/inline-answers';
import { hintedScreens } from '../src/plugins/screen-hints';
import { newSite, newUser } from '../src/seed/factories';
import { type Session, signIn } from './session';

// A built web app as apps/web's build leaves it: hashed assets with their .br and .gz copies.
const script = `console.log(${JSON.stringify('mini-EDC '.repeat(400))});\n`;
const html = `<!doctype html><html lang="en"><head><title>mini-EDC</title><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>\n`;

// Its manifest: the entry, the app it imports on demand, and the study gate the app imports.
const manifest = {
  'index.html': { file: 'assets/index-AbC123.js', isEntry: true, imports: ['_react-R1.js'] },
  '_react-R1.js': { file: 'assets/react-R1.js', name: 'react' },
  '_app-Ap1.js': {
    file: 'assets/app-Ap1.js',
    name: 'app',
    imports: ['_react-R1.js', '_forms-F1.js'],
    css: ['assets/app-Ap1.css'],
  },
  '_forms-F1.js': { file: 'assets/forms-F1.js', name: 'forms' },
  '_study-gate-G1.js': {
    file: 'assets/study-gate-G1.js',
    name: 'study-gate',
    imports: ['_app-Ap1.js', '_schema-S1.js'],
  },
  '_schema-S1.js': { file: 'assets/schema-S1.js', name: 'schema' },
  'src/participants/form-page.tsx': {
    file: 'assets/form-page-P1.js',
    name: 'form-page',
    imports: ['_app-Ap1.js', '_screens-S2.js'],
    css: ['assets/form-page-P1.css'],
  },
  '_screens-S2.js': { file: 'assets/screens-S2.js', name: 'screens', imports: ['_react-R1.js'] },
  'src/i18n/en.ts': { file: 'assets/en-E1.js', name: 'en', imports: ['src/i18n/sign-in.en.ts'] },
  'src/i18n/sign-in.en.ts': { file: 'assets/sign-in.en-E2.js', name: 'sign-in.en' },
  'src/i18n/tr.ts': { file: 'assets/tr-T1.js', name: 'tr' },
};

function writeDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'edc-web-dist-'));
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, '.vite'));
  writeFileSync(join(root, '.vite/manifest.json'), JSON.stringify(manifest));
  for (const [path, text] of [
    ['index.html', html],
    ['assets/index-AbC123.js', script],
  ] as const) {
    writeFileSync(join(root, path), text);
    writeFileSync(join(root, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(root, `${path}.gz`), gzipSync(text));
  }
  return root;
}

let root: string;
let db: TestDb;
let app: App;
let admin: Session;
let manySites: Session;

beforeAll(async () => {
  root = writeDist();
  db = await createTestDb();
  app = await buildApp({
    db,
    config: testConfig({ EDC_WEB_DIST: root, EDC_LOGIN_RATE_PER_MINUTE: 1000 }),
    serveWeb: true,
    logger: false,
  });
  const sites = [];
  for (let i = 0; i < 14; i++) sites.push(await newSite(db.db, { code: `W${String(i).padStart(2, '0')}` }));
  const ids = sites.map((s) => s.id);
  const a = await newUser(db.db, { role: 'admin', siteIds: ids });
  admin = await signIn(app, a.email, a.password);
  // Enough sites that the session answer (user, sites, CSRF token) is well above 1 KB.
  const c = await newUser(db.db, { role: 'coordinator', siteIds: ids, displayName: 'C'.repeat(100) });
  manySites = await signIn(app, c.email, c.password);
  // A migrated database, fourteen audited sites and two argon2 sign-ins: slow on a shared machine.
}, 180_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('static files', () => {
  it('sends the brotli copy to a browser that accepts it, gzip to one that accepts only gzip', async () => {
    const br = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
  });

  it('sends the file as it is when no encoding is accepted, still varying on accept-encoding', async () => {
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(script);
  });

  it('caches content-hashed assets for a year as immutable, without the headers only a page reads', async () => {
    const res = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br' });
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    for (const name of ['content-security-policy', 'x-frame-options', 'cross-origin-opener-policy'])
      expect(res.headers[name], name).toBeUndefined();
    const page = await get('/login');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('makes the browser revalidate index.html, also where a client-side route serves it', async () => {
    for (const url of ['/', '/login', '/participants/123/visits/BL/forms/odi', '/index.html']) {
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain('<div id="root">');
    }
    for (const url of ['/login', '/participants']) {
      const etag = String((await get(url)).headers.etag);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
    }
  });

  const hints = (body: string) =>
    [...body.matchAll(/<link rel="(?:modulepreload|preload)"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  /** The paths of the answers written into the page (inline-answers.ts), and the answers. */
  const inlined = (body: string): Record<string, unknown> => {
    const block = /<script type="application\/json" id="edc-answers">(.*?)<\/script>/.exec(body)?.[1];
    return block ? z.record(z.string(), z.unknown()).parse(JSON.parse(block)) : {};
  };
  /** What the page names for its first screen: hinted, or written into it. */
  const asked = (body: string) => [...hints(body), ...Object.keys(inlined(body))];

  it('gives the sign-in page no preload hints: its budget is the entry alone', async () => {
    const res = await get('/login', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(res.rawPayload).toString()).toBe(html);
  });

  it('lets any other page fetch the app beside the entry, without what the entry already loads', async () => {
    const res = await get('/participants/123', { 'accept-encoding': 'gzip' });
    expect(res.headers.vary).toMatch(/accept-encoding/);
    expect(hints(gunzipSync(res.rawPayload).toString())).toEqual([
      '/assets/app-Ap1.js',
      '/assets/app-Ap1.css',
      '/assets/forms-F1.js',
    ]);
  });

  it('adds the study gate and the study definition for a visitor with a session', async () => {
    const res = await get('/audit', { cookie: admin.cookie });
    expect(res.headers.vary).toMatch(/cookie/);
    expect(hints(res.body)).toEqual([
      '/assets/app-Ap1.js',
      '/assets/app-Ap1.css',
      '/assets/forms-F1.js',
      '/assets/study-gate-G1.js',
      '/assets/schema-S1.js',
      '/assets/en-E1.js',
      '/assets/sign-in.en-E2.js',
      '/api/v1/auth/me',
    ]);
    // The study definition is written into the page instead (inline-answers.ts).
    expect(Object.keys(inlined(res.body))).toEqual(['/api/v1/study']);
  });

  it("names the text of the language the app will start in: the one chosen, else the browser's", async () => {
    const catalogue = (body: string) => hints(body).filter((h) => /\/(en|tr|sign-in)/.test(h ?? ''));
    const turkishBrowser = await get('/audit', { cookie: admin.cookie, 'accept-language': 'de-DE,tr;q=0.8' });
    expect(turkishBrowser.headers.vary).toMatch(/accept-language/);
    expect(catalogue(turkishBrowser.body)).toEqual(['/assets/tr-T1.js']);
    const chosenEnglish = await get('/audit', {
      cookie: `${admin.cookie}; edc.locale=en`,
      'accept-language': 'tr-TR',
    });
    expect(catalogue(chosenEnglish.body)).toEqual(['/assets/en-E1.js', '/assets/sign-in.en-E2.js']);
    const chosenTurkish = await get('/audit', { cookie: `${admin.cookie}; edc.locale=tr` });
    expect(catalogue(chosenTurkish.body)).toEqual(['/assets/tr-T1.js']);
  });

  const participantId = '0b5f0c1e-8d0a-4c3e-9a52-6f1f2f3a4b5c';
  const shared = [
    '/assets/app-Ap1.js',
    '/assets/app-Ap1.css',
    '/assets/forms-F1.js',
    '/assets/study-gate-G1.js',
    '/assets/schema-S1.js',
    '/assets/en-E1.js',
    '/assets/sign-in.en-E2.js',
  ];

  it("names a signed-in deep link's screen chunks and first answers, each once", async () => {
    const res = await get(`/participants/${participantId}/visits/BL/forms/odi`, {
      cookie: admin.cookie,
      'accept-encoding': 'br',
    });
    const page = brotliDecompressSync(res.rawPayload).toString();
    // The answers the API gives, refusals too, are written into the page.
    expect(hints(page)).toEqual([
      ...shared,
      '/api/v1/auth/me',
      '/assets/form-page-P1.js',
      '/assets/form-page-P1.css',
      '/assets/screens-S2.js',
    ]);
    expect(Object.keys(inlined(page))).toEqual([
      '/api/v1/study',
      `/api/v1/participants/${participantId}`,
      '/api/v1/study/status',
      '/api/v1/instruments/odi/statements',
    ]);
    // No such participant: the refusal is written in with its status, and the app shows it as it
    // would a fetched one, without asking again.
    expect(inlined(page)[`/api/v1/participants/${participantId}`]).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
    const vas = await get(`/participants/${participantId}/visits/BL/forms/vas`, { cookie: admin.cookie });
    expect(asked(vas.body)).not.toContain('/api/v1/instruments/odi/statements');
    expect(asked(vas.body)).toContain(`/api/v1/participants/${participantId}`);
  });

  it('hints only screens the web app loads on demand, by the file Vite keys them with', () => {
    const router = readFileSync(new URL('../../web/src/router.tsx', import.meta.url), 'utf8');
    for (const screen of hintedScreens) {
      expect(router).toContain(`import('./${screen.replace(/^src\//, '').replace(/\.tsx$/, '')}')`);
    }
  });

  it('names the screens chunk for the study gate when the build grouped the gate into it', () => {
    // apps/web/screen-chunks.ts puts the gate in the chunk the screens share: no chunk is named
    // after it then, and the gate's own chunk missing from the hints cost a round trip.
    const { '_study-gate-G1.js': _gate, ...grouped } = manifest;
    const dist = mkdtempSync(join(tmpdir(), 'edc-web-grouped-'));
    try {
      mkdirSync(join(dist, '.vite'));
      writeFileSync(join(dist, '.vite/manifest.json'), JSON.stringify(grouped));
      writeFileSync(join(dist, 'index.html'), html);
      const page = buildAppHtml(dist).signedIn('/audit', false, 'en').identity.toString();
      expect(hints(page)).toEqual([
        '/assets/app-Ap1.js',
        '/assets/app-Ap1.css',
        '/assets/forms-F1.js',
        '/assets/screens-S2.js',
        '/assets/en-E1.js',
        '/assets/sign-in.en-E2.js',
        '/api/v1/auth/me',
        '/api/v1/study',
      ]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('names no answer for a path that is not an id, and none the filtered list does not ask for', async () => {
    for (const url of [
      '/participants/%22%3E%3Cscript%3E/visits/BL/forms/odi',
      `/participants/${participantId.toUpperCase()}x/visits/BL/forms/odi`,
    ]) {
      const res = await get(url, { cookie: admin.cookie });
      expect(res.statusCode, url).toBe(200);
      expect(
        asked(res.body).filter((h) => h?.startsWith('/api/v1/participants')),
        url,
      ).toEqual([]);
      expect(res.body, url).not.toContain('<script>');
    }
    const filtered = await get('/participants?status=randomized', { cookie: admin.cookie });
    expect(asked(filtered.body)).not.toContain('/api/v1/participants');
    const list = await get('/participants', { cookie: admin.cookie });
    expect(asked(list.body)).toContain('/api/v1/participants');
  });

  it('answers 404 for a missing asset rather than index.html as JavaScript', async () => {
    const res = await get('/assets/index-Gone99.js', { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('answers written into a signed-in page', () => {
  const block = (body: string) =>
    /<script type="application\/json" id="edc-answers">(.*?)<\/script>/.exec(body)?.[1] ?? null;

  it("are the API's own answers for that user, and the page carrying them is stored by no cache", async () => {
    const page = await get('/participants', { cookie: manySites.cookie });
    const written = z.record(z.string(), z.unknown()).parse(JSON.parse(block(page.body) ?? '{}'));
    for (const path of ['/api/v1/study', '/api/v1/participants', '/api/v1/study/status']) {
      const own = await get(path, { cookie: manySites.cookie });
      expect(own.statusCode, path).toBe(200);
      expect(written[path], path).toEqual({ status: 200, body: own.json() });
    }
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers.etag).toBeUndefined();
  });

  it('never include the session answer, whose CSRF token must not sit in a compressed page', async () => {
    const page = await get('/participants', { cookie: manySites.cookie });
    expect(block(page.body)).not.toBeNull();
    expect(page.body).not.toContain(manySites.csrf);
    expect(block(page.body)).not.toContain('/api/v1/auth/me');
  });

  it('are not written for a visitor without a session', async () => {
    const page = await get('/participants');
    expect(block(page.body)).toBeNull();
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('cannot end their block, whatever text an answer holds', () => {
    const text = '</script><script>alert(1)</script><!--';
    const script = answersScript(new Map([['/api/v1/x', JSON.stringify({ text })]]));
    const inner = block(script);
    expect(inner).not.toBeNull();
    expect(inner).not.toContain('<');
    expect(JSON.parse(inner ?? '')).toEqual({ '/api/v1/x': { text } });
  });
});

describe('API responses', () => {
  it('are never stored by a cache', async () => {
    const health = await get('/api/v1/health');
    expect(health.headers['cache-control']).toBe('no-store');
    const users = await get('/api/v1/admin/users', { cookie: admin.cookie });
    expect(users.headers['cache-control']).toBe('no-store');
    const refused = await get('/api/v1/admin/users');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('compress JSON above 1 KB with the encoding the browser accepts', async () => {
    const plain = await get('/api/v1/admin/sites', { cookie: admin.cookie });
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await get('/api/v1/admin/sites', { cookie: admin.cookie, 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gz = await get('/api/v1/admin/sites', { cookie: admin.cookie, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('leave small answers uncompressed', async () => {
    const res = await get('/api/v1/health', { 'accept-encoding': 'br, gzip' });
    expect(res.body.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('never compress the session answers that carry the CSRF token', async () => {
    const me = await get('/api/v1/auth/me', { cookie: manySites.cookie, 'accept-encoding': 'br, gzip' });
    expect(me.statusCode).toBe(200);
    expect(me.body.length).toBeGreaterThan(1024);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json().csrfToken).toBe(manySites.csrf);
  });

  it('gzip a streamed export as it flows (never brotli, which holds output back), matching its manifest', async () => {
    for (const url of ['/api/v1/exports/wide.csv', '/api/v1/exports/odm.xml']) {
      const res = await get(url, { cookie: admin.cookie, 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe('gzip');
      // Streamed: sent in chunks as rows are written, so the length is not known up front.
      expect(res.headers['content-length'], url).toBeUndefined();
      expect(res.headers['transfer-encoding'], url).toBe('chunked');
      expect(res.headers['cache-control'], url).toBe('no-store');
      const file = gunzipSync(res.rawPayload);
      const manifest = await get(`/api/v1/exports/${res.headers['x-export-id']}/manifest`, {
        cookie: admin.cookie,
      });
      expect(createHash('sha256').update(file).digest('hex'), url).toBe(manifest.json().sha256);
    }
  });
});
