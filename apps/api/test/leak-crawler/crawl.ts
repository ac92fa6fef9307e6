import type { App } from '../../src/app';
import { pdfPages } from '../pdf-text';
import { call, type Session } from '../session';
import { unzip } from '../zip-helpers';

/**
 * Walks every GET route of the OpenAPI document as one user: each path parameter gets every id
 * known so far (planted or seen in an earlier answer, plus one that does not exist), each query
 * parameter is tried alone with every value it can take (enum values, ids of its kind, form codes),
 * list cursors are followed, and the walk repeats until no answer reveals a new id.
 */
export interface Answer {
  /** `GET /api/v1/participants/{id}` */
  route: string;
  url: string;
  status: number;
  /** Every header as `name: value` lines. */
  headers: string;
  /** The body as text; a PDF as its text, a ZIP as each file's name and text. */
  text: string;
}

interface Parameter {
  name: string;
  in: string;
  schema?: { type?: string; format?: string; enum?: unknown[]; minimum?: number };
}
interface OpenApiDoc {
  paths: Record<string, { get?: { parameters?: Parameter[] } }>;
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A valid id nothing has: answers to it are the baseline for hidden ids. */
export const NOWHERE = '00000000-0000-4000-8000-00000000beef';

export interface IdPool {
  /** Every id, whatever it names. */
  all: Set<string>;
  /** Ids seen under a JSON key or planted under a name (`siteId`, `participantId`). */
  byKey: Map<string, Set<string>>;
}

export function idPool(planted: Record<string, Iterable<string>>): IdPool {
  const pool: IdPool = { all: new Set(), byKey: new Map() };
  for (const [key, ids] of Object.entries(planted)) for (const id of ids) remember(pool, key, id);
  return pool;
}

function remember(pool: IdPool, key: string, id: string) {
  pool.all.add(id);
  pool.byKey.set(key, (pool.byKey.get(key) ?? new Set()).add(id));
}

/** Ids in a JSON answer, by the key they stand under; ids anywhere else in the text. */
function discover(pool: IdPool, text: string, contentType: string): string[] {
  const cursors: string[] = [];
  if (contentType.startsWith('application/json')) {
    const walk = (value: unknown, key: string) => {
      if (typeof value === 'string') {
        if (/cursor/i.test(key)) cursors.push(value);
        if (key === 'requestId') return;
        for (const id of value.match(uuid) ?? []) remember(pool, key, id.toLowerCase());
      } else if (Array.isArray(value)) {
        for (const v of value) walk(v, key);
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, k);
      }
    };
    try {
      walk(JSON.parse(text), '');
      return cursors;
    } catch {
      // Not JSON after all; the plain scan below still finds its ids.
    }
  }
  for (const id of text.match(uuid) ?? []) remember(pool, '', id.toLowerCase());
  return cursors;
}

async function textOf(body: Buffer, contentType: string): Promise<string> {
  if (contentType.startsWith('application/pdf')) return (await pdfPages(body)).join('\n');
  if (contentType.startsWith('application/zip')) {
    const parts: string[] = [];
    for (const [name, file] of await unzip(body)) {
      parts.push(
        `--- ${name}`,
        name.endsWith('.pdf') ? (await pdfPages(file)).join('\n') : file.toString('utf8'),
      );
    }
    return parts.join('\n');
  }
  return body.toString('utf8');
}

/** Values a query parameter is tried with, one parameter at a time. */
function queryValues(p: Parameter, pool: IdPool, formCodes: readonly string[]): string[] {
  const s = p.schema ?? {};
  if (s.enum) return s.enum.map(String);
  if (s.format === 'uuid') return [...(pool.byKey.get(p.name) ?? pool.all), NOWHERE];
  if (p.name === 'form') return [...formCodes];
  if (p.name === 'limit' && typeof s.minimum === 'number') return [String(s.minimum)];
  return [];
}

function urlsOf(path: string, params: Parameter[], pool: IdPool, formCodes: readonly string[]): string[] {
  let paths = [path];
  for (const p of params.filter((q) => q.in === 'path')) {
    const ids = [...pool.all, NOWHERE];
    paths = paths.flatMap((u) => ids.map((id) => u.replace(`{${p.name}}`, id)));
  }
  const urls = [...paths];
  for (const p of params.filter((q) => q.in === 'query')) {
    for (const value of queryValues(p, pool, formCodes)) {
      for (const u of paths) urls.push(`${u}?${p.name}=${encodeURIComponent(value)}`);
    }
  }
  return urls;
}

export async function crawl(
  app: App,
  session: Session,
  pool: IdPool,
  formCodes: readonly string[],
): Promise<{ answers: Answer[]; routes: string[] }> {
  const doc = app.swagger() as unknown as OpenApiDoc;
  const routes = Object.entries(doc.paths)
    .filter(([path, ops]) => path.startsWith('/api/') && ops.get)
    .map(([path, ops]) => ({ path, params: ops.get?.parameters ?? [] }));
  const answers: Answer[] = [];
  const asked = new Set<string>();
  const ask = async (route: string, url: string): Promise<string[]> => {
    asked.add(url);
    const res = await call(app, session, 'GET', url);
    const contentType = String(res.headers['content-type'] ?? '');
    const text = await textOf(res.rawPayload, contentType);
    const header = Object.entries(res.headers).map(
      ([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)] as const,
    );
    const headers = header.map(([k, v]) => `${k}: ${v}`).join('\n');
    answers.push({ route, url, status: res.statusCode, headers, text });
    // A request id names the request, not a resource: every answer has a new one.
    for (const [k, v] of header) if (k !== 'x-request-id') discover(pool, v, '');
    return discover(pool, text, contentType);
  };
  let grew = true;
  for (let round = 1; grew; round++) {
    grew = false;
    const before = answers.length;
    for (const { path, params } of routes) {
      for (const url of urlsOf(path, params, pool, formCodes)) {
        if (asked.has(url)) continue;
        grew = true;
        let cursors = await ask(`GET ${path}`, url);
        // Follow every page, however the list names its cursor.
        while (cursors.length > 0) {
          const next: string[] = [];
          for (const c of cursors) {
            const sep = url.includes('?') ? '&' : '?';
            const pageUrl = `${url}${sep}cursor=${encodeURIComponent(c)}`;
            if (!asked.has(pageUrl)) next.push(...(await ask(`GET ${path}`, pageUrl)));
          }
          cursors = next;
        }
      }
    }
    if (process.env.LEAK_CRAWLER_VERBOSE) {
      console.log(`leak crawler round ${round}: ${answers.length - before} answers, ${pool.all.size} ids`);
    }
  }
  return { answers, routes: routes.map((r) => `GET ${r.path}`) };
}
