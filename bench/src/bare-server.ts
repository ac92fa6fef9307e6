/**
 * The GET baseline: a bare Fastify server with one route that answers the same JSON the API
 * returns for a participant, with no auth, no database and no schema. Fastify is the API's own
 * dependency; it is loaded from there so both servers run the same version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface BareFastify {
  get(path: string, handler: () => unknown): void;
  listen(options: { port: number; host: string }): Promise<string>;
}

const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
const Fastify = requireFromApi('fastify') as (options: { logger: boolean }) => BareFastify;

const payloadFile = process.argv[2];
if (!payloadFile) throw new Error('usage: bare-server <json file>');
const payload = JSON.parse(readFileSync(payloadFile, 'utf8')) as unknown;

const app = Fastify({ logger: false });
app.get('/participant', () => payload);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening at ${address}\n`);
