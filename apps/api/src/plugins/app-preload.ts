import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { answersScript, type InlinedAnswers } from './inline-answers';
import { screenHintsFor } from './screen-hints';

/** The part of Vite's build manifest (dist/.vite/manifest.json) the preload hints are read from. */
const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    name: z.string().optional(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);
type Manifest = z.infer<typeof manifestSchema>;

/** A chunk's file and the files of every chunk it imports statically, each once. */
function closure(manifest: Manifest, key: string, into: Set<string>): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
  return into;
}

function chunkNamed(manifest: Manifest, name: string): string | undefined {
  return Object.keys(manifest).find((key) => manifest[key]?.name === name && !key.endsWith('.css'));
}

/**
 * One variant of index.html. Its ETag and compressed copies are made when first asked for and
 * kept: once for a page the server reuses, and for a page made per request (one carrying the
 * user's answers, never revalidated) only the one copy the browser accepts.
 */
export interface HtmlVariant {
  readonly etag: string;
  readonly identity: Buffer;
  readonly br: Buffer;
  readonly gzip: Buffer;
}

function variant(html: string, quality = constants.BROTLI_MAX_QUALITY): HtmlVariant {
  const identity = Buffer.from(html, 'utf8');
  let etag: string | undefined;
  let br: Buffer | undefined;
  let gzip: Buffer | undefined;
  return {
    identity,
    get etag() {
      etag ??= `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
      return etag;
    },
    get br() {
      br ??= brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
      return br;
    },
    get gzip() {
      gzip ??= gzipSync(identity);
      return gzip;
    },
  };
}

type Locale = 'en' | 'tr';

/** The cookie the web app keeps the interface language in, beside its local storage. */
export const LOCALE_COOKIE = 'edc.locale';

/**
 * The language the app will start in, as apps/web/src/i18n/locale.ts decides it: the one last
 * chosen on the device, else Turkish when the browser asks for it, else English.
 */
export function pageLocale(chosen: string | undefined, acceptLanguage: string | undefined): Locale {
  if (chosen === 'en' || chosen === 'tr') return chosen;
  return /(^|,)\s*tr\b/i.test(acceptLanguage ?? '') ? 'tr' : 'en';
}

/** Each language's catalogue modules (apps/web/src/i18n/catalogues.ts), as the manifest keys them. */
const catalogueKeys: Record<Locale, string[]> = {
  en: ['src/i18n/en.ts'],
  tr: ['src/i18n/tr.ts'],
};

export interface AppHtml {
  /** Sign-in page: the entry alone (docs/architecture.md, "Web delivery"). */
  signIn: HtmlVariant;
  /** Any other page: the app's chunks are fetched beside the entry instead of after it. */
  app: HtmlVariant;
  /**
   * A page asked with a session: also the study gate's chunks, the study definition and the
   * session's own answer, and for a screen of screen-hints.ts its chunks and first answers.
   */
  signedIn: (path: string, hasQuery: boolean, locale: Locale, inlined?: InlinedAnswers) => HtmlVariant;
}

/**
 * The API answers a signed-in page opens with that the server may write into the page itself
 * (inline-answers.ts): the study definition and the screen's first answers. Never `GET /auth/me`:
 * it carries the CSRF token, which a compressed page beside the address it reflects must not.
 */
export function inlinableAnswers(path: string, hasQuery: boolean): string[] {
  return ['/api/v1/study', ...(screenHintsFor(path, hasQuery)?.data ?? [])];
}

/**
 * index.html with preload hints for the chunks a page needs after the entry. The entry (main.tsx)
 * imports the app only once it has run; the hints let the browser fetch the app, and for a
 * signed-in visitor the study definition, while the entry downloads, which removes two round trips
 * from the first paint of a deep link on a slow network (docs/benchmarks.md, "Web app"). The
 * sign-in page gets no hints: its budget is the entry alone.
 */
export function buildAppHtml(root: string): AppHtml {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const manifestPath = join(root, '.vite/manifest.json');
  // A build without a manifest still serves, without hints.
  const manifest = existsSync(manifestPath)
    ? manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')))
    : {};
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  const inEntry = entryKey ? closure(manifest, entryKey, new Set()) : new Set<string>();
  const filesOfKey = (key: string | undefined) =>
    key && manifest[key] ? [...closure(manifest, key, new Set())].filter((file) => !inEntry.has(file)) : [];
  const filesOf = (name: string) => filesOfKey(chunkNamed(manifest, name));
  const appFiles = filesOf('app');
  // The study gate has a chunk of its own, or is in the chunk the screens share
  // (apps/web/screen-chunks.ts).
  const gateKey = chunkNamed(manifest, 'study-gate') ?? chunkNamed(manifest, 'screens');
  const gateFiles = filesOfKey(gateKey).filter((file) => !appFiles.includes(file));
  const links = (files: string[]) =>
    files
      .map((file) =>
        file.endsWith('.css')
          ? `<link rel="preload" as="style" crossorigin href="/${file}">`
          : `<link rel="modulepreload" crossorigin href="/${file}">`,
      )
      .join('');
  const withHints = (hints: string) => html.replace('</head>', `${hints}</head>`);
  // Fetched with credentials 'same-origin', as the app's own requests are, so they are the ones used.
  const fetches = (paths: string[]) =>
    paths.map((path) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${path}">`).join('');
  const signedInFiles = [...appFiles, ...gateFiles];
  // The app's text in the language it will start in, which it would otherwise ask for only
  // once the entry has run.
  const catalogueFiles = (locale: Locale) => [
    ...new Set(catalogueKeys[locale].flatMap(filesOfKey).filter((file) => !signedInFiles.includes(file))),
  ];
  const signedInHints = (locale: Locale) =>
    links([...signedInFiles, ...catalogueFiles(locale)]) + fetches(['/api/v1/auth/me', '/api/v1/study']);
  // Pages without an id are the same for every visit and made once; the answers a screen names
  // carry the participant's id, so a page naming them is made per request, compressed fast.
  const made = new Map<string, HtmlVariant>();
  const once = (key: string, make: () => string) => {
    let page = made.get(key);
    if (!page) {
      page = variant(make());
      made.set(key, page);
    }
    return page;
  };
  const screenFiles = (screen: string) => filesOfKey(screen).filter((file) => !signedInFiles.includes(file));
  return {
    signIn: variant(html),
    app: variant(withHints(links(appFiles))),
    signedIn: (path, hasQuery, locale, inlined = new Map()) => {
      const hints = screenHintsFor(path, hasQuery);
      const data = hints?.data ?? [];
      if (inlined.size === 0 && data.length === 0) {
        if (!hints) return once(locale, () => withHints(signedInHints(locale)));
        return once(`${locale} ${hints.screen}`, () =>
          withHints(signedInHints(locale) + links(screenFiles(hints.screen))),
        );
      }
      // An answer written into the page is not asked for again.
      const asked = (paths: string[]) => fetches(paths.filter((path) => !inlined.has(path)));
      const page =
        links([...signedInFiles, ...catalogueFiles(locale)]) +
        asked(['/api/v1/auth/me', '/api/v1/study']) +
        (hints ? links(screenFiles(hints.screen)) : '') +
        asked(data) +
        answersScript(inlined);
      return variant(withHints(page), 5);
    },
  };
}
