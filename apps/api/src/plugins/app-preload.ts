import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { z } from 'zod';

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

/** One variant of index.html, with its compressed copies made once at start-up. */
export interface HtmlVariant {
  etag: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function variant(html: string): HtmlVariant {
  const identity = Buffer.from(html, 'utf8');
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`;
  return { etag, identity, br: brotliCompressSync(identity), gzip: gzipSync(identity) };
}

export interface AppHtml {
  /** Sign-in page: the entry alone (docs/architecture.md, "Web delivery"). */
  signIn: HtmlVariant;
  /** Any other page: the app's chunks are fetched beside the entry instead of after it. */
  app: HtmlVariant;
  /** A page asked with a session: also the study gate's chunks and the study definition. */
  signedIn: HtmlVariant;
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
  const filesOf = (name: string) => {
    const key = chunkNamed(manifest, name);
    return key ? [...closure(manifest, key, new Set())].filter((file) => !inEntry.has(file)) : [];
  };
  const appFiles = filesOf('app');
  const gateFiles = filesOf('study-gate').filter((file) => !appFiles.includes(file));
  const links = (files: string[]) =>
    files
      .map((file) =>
        file.endsWith('.css')
          ? `<link rel="preload" as="style" crossorigin href="/${file}">`
          : `<link rel="modulepreload" crossorigin href="/${file}">`,
      )
      .join('');
  const withHints = (hints: string) => html.replace('</head>', `${hints}</head>`);
  const studyHint = '<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/v1/study">';
  return {
    signIn: variant(html),
    app: variant(withHints(links(appFiles))),
    signedIn: variant(withHints(links([...appFiles, ...gateFiles]) + studyHint)),
  };
}
