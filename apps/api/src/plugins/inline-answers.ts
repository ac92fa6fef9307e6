import type { FastifyInstance, FastifyRequest } from 'fastify';

/** API path → `{"status": …, "body": …}` as the API answered it, for the page the same request asked for. */
export type InlinedAnswers = ReadonlyMap<string, string>;

/**
 * The answers a signed-in page opens with, asked of the API as the browser would ask (same
 * cookies, so the same user, role and blinding), to be written into index.html. On a clinic
 * tablet's network each of these was a request of its own that, named by a preload hint, took
 * one of the browser's six connections before the scripts could (docs/benchmarks.md, "Web app").
 * A refusal is written in too, with its status, so the app shows it as it would a fetched one and
 * does not ask again: a refusal the security log files (docs/security.md §4) is filed once, under
 * the visitor's address. An answer that is not JSON is left out, and the app asks for it.
 */
export async function inlineAnswers(
  app: FastifyInstance,
  request: FastifyRequest,
  paths: string[],
): Promise<InlinedAnswers> {
  const answers = new Map<string, string>();
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const name of ['cookie', 'user-agent', 'accept-language'] as const) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const results = await Promise.all(
    paths.map(async (path) => ({
      path,
      res: await app.inject({ method: 'GET', url: path, headers, remoteAddress: request.ip }),
    })),
  );
  for (const { path, res } of results) {
    if (String(res.headers['content-type']).startsWith('application/json') && res.body !== '') {
      answers.set(path, `{"status":${res.statusCode},"body":${res.body}}`);
    }
  }
  return answers;
}

/**
 * The answers as a data block the app reads before asking (apps/web/src/api/client.ts). A data
 * block is never run, so the Content-Security-Policy has nothing to refuse; `<` is escaped, so no
 * text in an answer can end the block.
 */
export function answersScript(answers: InlinedAnswers): string {
  if (answers.size === 0) return '';
  const json = `{${[...answers].map(([path, body]) => `${JSON.stringify(path)}:${body}`).join(',')}}`;
  return `<script type="application/json" id="edc-answers">${json.replace(/</g, '\\u003c')}</script>`;
}
